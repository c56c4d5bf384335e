using Appliance.Testing;

namespace Appliance.Web.Tests.Infrastructure;

/// <summary>
/// Several appliance nodes sharing one fresh database on the run's throwaway PostgreSQL server,
/// as an xunit fixture: <c>node-a</c>, <c>node-b</c>… started one after another (the first
/// migrates), stopped and the database dropped at the end. Every node gets the same key file for
/// the key ring, as an installation's nodes must. Subclass to change the node count or settings.
/// </summary>
public class ApplianceCluster : IAsyncLifetime
{
    private readonly List<ClusterNode> _nodes = [];
    private readonly RingKeyFile _ringKey = new();

    /// <summary>The shared database's connection string.</summary>
    public string ConnectionString { get; private set; } = "";

    public IReadOnlyList<ClusterNode> Nodes => _nodes;

    public ClusterNode A => _nodes[0];

    public ClusterNode B => _nodes[1];

    /// <summary>The key file that protects the shared key ring (<c>Appliance:DataProtection:KeyFile</c>), unless <see cref="Settings"/> names another protector.</summary>
    public string RingKeyPath => _ringKey.Path;

    protected virtual int NodeCount => 2;

    /// <summary>Settings every node gets on top of the test defaults.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await PostgresServer.Instance.CreateDatabaseAsync();
        for (var i = 0; i < NodeCount; i++)
        {
            await StartNodeAsync($"node-{(char)('a' + i)}");
        }
    }

    /// <summary>Starts one more node on the shared database (also after a test stopped one).</summary>
    public async Task<ClusterNode> StartNodeAsync(string name)
    {
        var settings = new Dictionary<string, string?>(Settings);
        if (!settings.ContainsKey("Appliance:DataProtection:CertificatePath"))
        {
            settings.TryAdd(RingKeyFile.SettingKey, _ringKey.Path);
        }

        var node = new ClusterNode(name, ConnectionString, settings);
        await node.InitializeAsync();
        _nodes.Add(node);
        return node;
    }

    /// <summary>Stops <paramref name="node"/> as a crash would look to the others: it simply goes quiet.</summary>
    public async Task StopNodeAsync(ClusterNode node)
    {
        _nodes.Remove(node);
        await node.DisposeAsync();
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await PostgresServer.Instance.DropDatabaseAsync(ConnectionString);
        _ringKey.Dispose();
    }
}
