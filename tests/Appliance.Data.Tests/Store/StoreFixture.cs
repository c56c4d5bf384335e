using Appliance.Data.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Data.Tests.Store;

/// <summary>A real SQLite database in a temporary data directory, migrated as at start-up, on a clock the tests move.</summary>
public class StoreFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "appliance-data-tests", Guid.NewGuid().ToString("N"));

    public ServiceProvider Services { get; private set; } = null!;

    public ConfigStore Store => Services.GetRequiredService<ConfigStore>();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.Parse("2026-11-27T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public string DataDirectory => _directory;

    /// <summary>Settings on top of the data directory.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(Settings) { ["Appliance:DataDirectory"] = _directory };
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
        Directory.Delete(_directory, recursive: true);
    }
}
