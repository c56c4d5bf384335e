using Appliance.Data.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Appliance.Data.Tests.Store;

/// <summary>A real SQLite database in a temporary data directory, migrated as at start-up.</summary>
public sealed class StoreFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "appliance-data-tests", Guid.NewGuid().ToString("N"));

    public ServiceProvider Services { get; private set; } = null!;

    public ConfigStore Store => Services.GetRequiredService<ConfigStore>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Appliance:DataDirectory"] = _directory })
            .Build();
        Services = new ServiceCollection().AddLogging().AddApplianceData(configuration).BuildServiceProvider();
        foreach (var hosted in Services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
