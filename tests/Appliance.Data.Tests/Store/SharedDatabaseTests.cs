using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Appliance.Data.Tests.Store;

/// <summary>
/// Two nodes' stores on one PostgreSQL database (whichever provider the rest of the run tests):
/// their writers are ordered across processes, so neither validates a document the other is changing.
/// </summary>
public sealed class SharedDatabaseTests : IAsyncLifetime
{
    private readonly List<ServiceProvider> _nodes = [];
    private readonly List<string> _directories = [];
    private readonly RingKeyFile _ringKey = new();
    private string _database = "";

    public async Task InitializeAsync()
    {
        _database = await PostgresServer.Instance.CreateDatabaseAsync();
        for (var i = 0; i < 2; i++)
        {
            var directory = Path.Combine(Path.GetTempPath(), "appliance-data-tests", Guid.NewGuid().ToString("N"));
            _directories.Add(directory);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Appliance:DataDirectory"] = directory,
                ["Appliance:Database:Provider"] = "Postgres",
                ["Appliance:Database:ConnectionString"] = _database,
                [RingKeyFile.SettingKey] = _ringKey.Path,
            }).Build();
            var node = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddApplianceData(configuration).BuildServiceProvider();
            _nodes.Add(node);

            // Both nodes migrate at start, as two nodes starting together do.
        }

        await Task.WhenAll(_nodes.SelectMany(n => n.GetServices<IHostedService>().Take(1)).Select(h => h.StartAsync(CancellationToken.None)));
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await PostgresServer.Instance.DropDatabaseAsync(_database);
        _ringKey.Dispose();
        foreach (var directory in _directories)
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Writers_on_two_nodes_are_ordered_and_every_change_lands()
    {
        var a = _nodes[0].GetRequiredService<ConfigStore>();
        var b = _nodes[1].GetRequiredService<ConfigStore>();
        var before = await a.GetRevisionAsync();

        var writes = Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? a : b).Pools.CreateAsync(Pool($"p{i}"), "t"));
        var results = await Task.WhenAll(writes);

        Assert.All(results, r => Assert.Equal(StoreStatus.Ok, r.Status));
        Assert.Equal(before + 20, await b.GetRevisionAsync());
        Assert.Equal(20, (await a.Pools.ListAsync()).Count);
    }

    [Fact]
    public async Task A_conflict_between_nodes_is_answered_from_the_committed_document()
    {
        var a = _nodes[0].GetRequiredService<ConfigStore>();
        var b = _nodes[1].GetRequiredService<ConfigStore>();

        // The same new name from both nodes at once: exactly one wins, the other is told it exists.
        var results = await Task.WhenAll(a.Pools.CreateAsync(Pool("same"), "a"), b.Pools.CreateAsync(Pool("same"), "b"));

        Assert.Single(results, r => r.Status == StoreStatus.Ok);
        Assert.Single(results, r => r.Status == StoreStatus.Conflict);
    }

    private static PoolSpec Pool(string name) => new()
    {
        Name = name,
        Backends = [new BackendSpec { Address = "http://10.9.0.1:8080" }],
    };
}
