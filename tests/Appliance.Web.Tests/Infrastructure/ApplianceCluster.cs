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

    /// <summary>The PostgreSQL server the database is on: the run's shared one unless <see cref="StartServerAsync"/> says otherwise.</summary>
    public PostgresServer Server { get; private set; } = null!;

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
        Server = await StartServerAsync();
        ConnectionString = await Server.CreateDatabaseAsync();
        for (var i = 0; i < NodeCount; i++)
        {
            await StartNodeAsync($"node-{(char)('a' + i)}");
        }
    }

    /// <summary>Starts one more node on the shared database (also after a test stopped one), with <paramref name="settings"/> on top of <see cref="Settings"/>.</summary>
    public async Task<ClusterNode> StartNodeAsync(string name, IDictionary<string, string?>? settings = null)
    {
        var merged = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        if (!merged.ContainsKey("Appliance:DataProtection:CertificatePath"))
        {
            merged.TryAdd(RingKeyFile.SettingKey, _ringKey.Path);
        }

        var node = new ClusterNode(name, ConnectionString, merged);
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

        await Server.DropDatabaseAsync(ConnectionString);
        _ringKey.Dispose();
    }

    /// <summary>The server to put the database on; a fixture that stops it returns a private one (and disposes it).</summary>
    protected virtual Task<PostgresServer> StartServerAsync() => Task.FromResult(PostgresServer.Instance);
}
