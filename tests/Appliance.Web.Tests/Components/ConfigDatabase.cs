using Appliance.Data.Store;
using Microsoft.Extensions.Hosting;

namespace Appliance.Web.Tests.Components;

/// <summary>
/// A real, migrated SQLite configuration database in a temporary directory, shared by one test
/// class: forms save through the same ConfigStore the API uses.
/// </summary>
public sealed class ConfigDatabase : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "appliance-component-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;

    public ConfigStore Store => _services.GetRequiredService<ConfigStore>();

    public Appliance.Data.Users.UserStore Users => _services.GetRequiredService<Appliance.Data.Users.UserStore>();

    public Appliance.Data.Users.SignInThrottle Throttle => _services.GetRequiredService<Appliance.Data.Users.SignInThrottle>();

    public Appliance.Data.Users.RevokedSessionStore RevokedSessions => _services.GetRequiredService<Appliance.Data.Users.RevokedSessionStore>();

    public Appliance.Data.Auditing.AuditLog Audit => _services.GetRequiredService<Appliance.Data.Auditing.AuditLog>();

    public Appliance.Data.Tokens.ApiTokenStore Tokens => _services.GetRequiredService<Appliance.Data.Tokens.ApiTokenStore>();

    public Appliance.Data.Certificates.CertificateStore Certificates => _services.GetRequiredService<Appliance.Data.Certificates.CertificateStore>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Appliance:DataDirectory"] = _directory })
            .Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddApplianceData(configuration)
            .BuildServiceProvider();
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
