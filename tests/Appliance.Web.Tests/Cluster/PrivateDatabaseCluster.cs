using Appliance.Testing;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Cluster;

/// <summary>
/// Two nodes on a PostgreSQL server of their own, which a test may stop and start (the run's
/// shared server serves classes running in parallel), and a backend behind <c>outage.test</c>.
/// </summary>
public sealed class PrivateDatabaseCluster : ApplianceCluster
{
    public const string RoutedHost = "outage.test";

    private PostgresServer? _server;

    public TestBackend Backend { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Backend = await TestBackend.StartAsync("outage-backend");
        await A.AddPoolAsync(new { name = "web", backends = new[] { new { address = Backend.Address } } });
        await A.AddRouteAsync(new { name = "web", hosts = new[] { RoutedHost }, targets = new[] { new { pool = "web", weight = 1 } } });
        foreach (var node in Nodes)
        {
            await node.WaitForLiveConfigAsync();
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Backend.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    protected override async Task<PostgresServer> StartServerAsync() => _server = await PostgresServer.StartPrivateAsync();
}
