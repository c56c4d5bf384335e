using System.Globalization;
using Appliance.Data.Cluster;
using Appliance.Engine.Tls.Acme;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Tls.Acme;

/// <summary>
/// Three appliance nodes on one PostgreSQL database with Pebble as their ACME server. Pebble
/// validates HTTP-01 on one port, where a forwarder sends each connection to a node that does not
/// hold the certificate's lease at that moment: a node that did not place the order must answer.
/// </summary>
public sealed class PebbleCluster : ApplianceCluster
{
    /// <summary>The certificate whose lease decides where the forwarder sends the CA.</summary>
    public const string CertificateName = "auto-web";

    // Until the key ring lives in the database, nodes share one data directory (and with it
    // data/keys), so that a key one node encrypted is one every node can decrypt.
    private readonly string _sharedDataDirectory = Path.Combine(Path.GetTempPath(), "appliance-tests", Guid.NewGuid().ToString("N"));
    private int _turn;

    public PebbleServer Pebble { get; private set; } = null!;

    public ConnectionForwarder Forwarder { get; private set; } = null!;

    protected override int NodeCount => 3;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Appliance:DataDirectory"] = _sharedDataDirectory,
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
        try
        {
            Directory.Delete(_sharedDataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    // The nodes in turn, skipping the one placing the order.
    private async Task<(string Name, int Port)> PickNodeAsync()
    {
        var holder = await A.App.Services.GetRequiredService<LeaseStore>().GetHolderAsync(AcmeWorker.LeaseName(CertificateName));
        var candidates = Nodes.Where(n => n.Name != holder?.Owner).ToArray();
        var node = candidates[Interlocked.Increment(ref _turn) % candidates.Length];
        return (node.Name, node.ProxyAddress.Port);
    }
}
