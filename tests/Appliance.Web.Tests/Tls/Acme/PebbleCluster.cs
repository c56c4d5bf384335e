using Appliance.Data.Cluster;
using Appliance.Engine.Tls.Acme;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Tls.Acme;

/// <summary>
/// Three appliance nodes on one PostgreSQL database with Pebble as their ACME server. Pebble
/// validates HTTP-01 on one port, where a forwarder sends each connection to a node that holds no
/// certificate's lease at that moment: a node that did not place the order must answer.
/// </summary>
public sealed class PebbleCluster : ApplianceCluster
{
    /// <summary>The certificates whose leases decide where the forwarder sends the CA: those of routes web and shop.</summary>
    public static readonly string[] CertificateNames = ["auto-web", "auto-shop"];

    private int _turn;

    public PebbleServer Pebble { get; private set; } = null!;

    public ConnectionForwarder Forwarder { get; private set; } = null!;

    protected override int NodeCount => 3;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:Proxy:ConfigPollSeconds"] = "1",
        ["Appliance:Acme:DirectoryUrl"] = Pebble.DirectoryUrl,
        ["Appliance:Acme:Email"] = "ops@example.test",
        ["Appliance:Acme:TrustedRootFile"] = Pebble.TrustedRootFile,
        ["Appliance:Acme:OrderTimeoutSeconds"] = "30",
    };

    public override async Task InitializeAsync()
    {
        Pebble = await PebbleServer.StartAsync();
        Forwarder = ConnectionForwarder.Start(Pebble.HttpPort, PickNodeAsync);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Forwarder.DisposeAsync();
        await Pebble.DisposeAsync();
    }

    // The nodes in turn, skipping those placing an order.
    private async Task<(string Name, int Port)> PickNodeAsync()
    {
        var leases = A.App.Services.GetRequiredService<LeaseStore>();
        var holders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in CertificateNames)
        {
            if (await leases.GetHolderAsync(AcmeWorker.LeaseName(name)) is { } holder)
            {
                holders.Add(holder.Owner);
            }
        }

        var candidates = Nodes.Where(n => !holders.Contains(n.Name)).ToArray();
        var node = candidates[Interlocked.Increment(ref _turn) % candidates.Length];
        return (node.Name, node.ProxyAddress.Port);
    }
}
