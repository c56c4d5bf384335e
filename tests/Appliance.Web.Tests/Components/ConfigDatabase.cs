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

    /// <summary>Every service of the data layer, for what the shortcuts below do not name.</summary>
    public IServiceProvider Services => _services;

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

    /// <summary>Runs <paramref name="sql"/> on the database directly, past every store: another node's change, say.</summary>
    public async Task ExecuteBehindTheStoresAsync(string sql, params (string Name, object Value)[] parameters)
    {
        var path = _services.GetRequiredService<Appliance.Data.Hosting.DataDirectory>().DatabasePath;
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
