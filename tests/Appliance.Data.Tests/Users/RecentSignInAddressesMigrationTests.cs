using System.Net;
using Appliance.Data.Model;
using Appliance.Data.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Users;

public sealed class RecentSignInAddressesMigrationTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "appliance-data-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;

    public Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Appliance:DataDirectory"] = _directory }).Build();
        _services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddApplianceData(configuration).BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task The_last_sign_in_address_of_an_older_database_becomes_the_first_recent_one()
    {
        var contexts = _services.GetRequiredService<IDbContextFactory<ApplianceDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await db.GetService<IMigrator>().MigrateAsync("20261129193639_SessionsAndLockout");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Users (UserName, NormalizedUserName, PasswordHash, Role, SecurityStamp, LastSignInAddress, CreatedAt) "
                + "VALUES ('old', 'OLD', 'x', 'Admin', 'STAMP', '198.51.100.7', '2026-11-29 00:00:00+00:00'), "
                + "('never', 'NEVER', 'x', 'Viewer', 'STAMP', NULL, '2026-11-29 00:00:00+00:00');");
            await db.Database.MigrateAsync();
        }

        await using (var db = await contexts.CreateDbContextAsync())
        {
            var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync();
            Assert.Equal([], users[0].RecentSignInAddresses);
            Assert.Equal(["198.51.100.7"], users[1].RecentSignInAddresses);
            Assert.True(RecentSignInAddresses.Contains(users[1].RecentSignInAddresses, IPAddress.Parse("198.51.100.99")));
            Assert.Equal(ApplianceRoles.Admin, users[1].Role);
        }
    }
}
