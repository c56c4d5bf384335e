using Appliance.Data.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Data.Tests.Store;

/// <summary>
/// A real database, migrated as at start-up, on a clock the tests move: SQLite in a temporary data
/// directory, or, when the run sets <c>APPLIANCE_TEST_DATABASE=Postgres</c> (./test.sh runs these
/// tests a second time so), a fresh database on the run's throwaway PostgreSQL server.
/// </summary>
public class StoreFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "appliance-data-tests", Guid.NewGuid().ToString("N"));
    private string? _postgres;
    private Appliance.Testing.RingKeyFile? _ringKey;

    /// <summary>True when this run tests the PostgreSQL provider.</summary>
    public static bool OnPostgres => string.Equals(Environment.GetEnvironmentVariable("APPLIANCE_TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase);

    public ServiceProvider Services { get; private set; } = null!;

    public ConfigStore Store => Services.GetRequiredService<ConfigStore>();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.Parse("2026-11-27T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public string DataDirectory => _directory;

    /// <summary>Settings on top of the data directory.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(Settings) { ["Appliance:DataDirectory"] = _directory };
        if (OnPostgres)
        {
            _postgres = await Appliance.Testing.PostgresServer.Instance.CreateDatabaseAsync();
            settings["Appliance:Database:Provider"] = "Postgres";
            settings["Appliance:Database:ConnectionString"] = _postgres;
            _ringKey = new Appliance.Testing.RingKeyFile();
            settings[Appliance.Testing.RingKeyFile.SettingKey] = _ringKey.Path;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        Services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(Clock)
            .AddApplianceData(configuration)
            .BuildServiceProvider();
        foreach (var hosted in Services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    public virtual async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await Appliance.Testing.PostgresServer.Instance.DropDatabaseAsync(_postgres);
        }

        _ringKey?.Dispose();

        Directory.Delete(_directory, recursive: true);
    }
}
