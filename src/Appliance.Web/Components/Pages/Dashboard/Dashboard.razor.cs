using Appliance.Data.Model;
using Appliance.Engine.Caching;
using Appliance.Engine.Health;
using Appliance.Engine.Metrics;

namespace Appliance.Web.Components.Pages.Dashboard;

/// <summary>The data plane at a glance, following along while the page is open.</summary>
public partial class Dashboard
{
    private const int EventsShown = 15;

    // The figures move every second; a page that follows them every 2 s is live enough.
    private static readonly TimeSpan FiguresEvery = TimeSpan.FromSeconds(2);

    // Certificates change over days, not seconds: a database read every 30 s is plenty.
    private static readonly TimeSpan CertificatesEvery = TimeSpan.FromSeconds(30);

    // Nodes speak once per heartbeat (5 s by default): reading the registry more often shows nothing new.
    private static readonly TimeSpan NodesEvery = TimeSpan.FromSeconds(5);

    private HealthReport _report = default!;
    private IReadOnlyList<TrafficSample> _samples = [];
    private IReadOnlyList<HealthEvent> _events = [];
    private CacheStatistics _cache = new(0, 0, 0, 0, 0, 0, 0);
    private IReadOnlyList<(string Reason, string Route, long Count)> _blocked = [];
    private IReadOnlyList<CertificateInfo> _certificates = [];
    private DateTimeOffset? _databaseUnreachableSince;
    private long _revision;
    private Appliance.Engine.Cluster.ClusterView _nodes = Appliance.Engine.Cluster.ClusterView.Empty;
    private IReadOnlyList<Appliance.Engine.Mirroring.MirroredRouteStatus> _mirrors = [];

    protected override async Task OnInitializedAsync()
    {
        Read();
        await ReadCertificatesAsync();
        await ReadNodesAsync();
    }

    private void Read()
    {
        _report = Health.Read();
        _samples = History.Samples();
        _events = HealthEvents.Latest(EventsShown);
        _cache = Cache.Statistics();
        _blocked = Shield.Counts();
        _mirrors = Mirrors.Read();
        _databaseUnreachableSince = SourceStatus.UnreachableSince;
        _revision = Snapshots.AppliedRevision;
    }

    private async Task ReadNodesAsync()
    {
        try
        {
            _nodes = await Nodes.ReadAsync();
        }
        catch (Exception ex) when (Appliance.Data.Providers.DatabaseOutage.IsCause(ex))
        {
            // As for certificates: the alert says why, and the last heartbeat's view stays.
            _nodes = Nodes.Latest;
        }
    }

    private async Task ReadCertificatesAsync()
    {
        try
        {
            _certificates = await CertificateStore.ListAsync();
        }
        catch (Exception ex) when (Appliance.Data.Providers.DatabaseOutage.IsCause(ex))
        {
            // The alert above says why; the list read before the outage stays, it changes over days.
        }
    }
}
