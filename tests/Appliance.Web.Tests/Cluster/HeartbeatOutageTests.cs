using System.Net;
using Appliance.Testing;
using Appliance.Web.Tests.Infrastructure;
using Npgsql;
using static Appliance.Web.Tests.Cluster.NodeListing;

namespace Appliance.Web.Tests.Cluster;

/// <summary>
/// A node whose database refuses it keeps serving, says so once, and writes its heartbeat again
/// when the database lets it back in. The shared server stays up: only this node's own database
/// stops accepting connections.
/// </summary>
public sealed class HeartbeatOutageTests(OneNodeCluster cluster) : IClassFixture<OneNodeCluster>
{
    private const int FailedEventId = 2901;
    private const int RecoveredEventId = 2902;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_heartbeat_outage_is_logged_once_and_the_node_recovers_by_itself()
    {
        var node = cluster.A;
        var capture = new LogCapture();
        node.App.Services.GetRequiredService<ILoggerFactory>().AddProvider(capture);
        await Eventually.TrueAsync(async () => Find(await ReadAsync(node.Api), "node-a").HasValue, Wait, "node-a's first heartbeat");

        await SetConnectionsAsync(allowed: false);
        try
        {
            // Three failed heartbeats, one line.
            await Eventually.TrueAsync(async () => await FailedHeartbeatsAsync(node) >= 3, Wait, "three failed heartbeats");
            Assert.Single(capture.Entries, e => e.EventId.Id == FailedEventId);
            Assert.DoesNotContain(cluster.ConnectionString, string.Join('\n', capture.Entries.Select(e => e.Message)), StringComparison.Ordinal);

            // Still serving: the data plane answers, and so does what needs no database.
            using var proxy = node.CreateProxyClient();
            Assert.Equal(HttpStatusCode.NotFound, (await proxy.GetAsync("/nothing-routed")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await node.Api.GetAsync("/api/v1/health")).StatusCode);
        }
        finally
        {
            await SetConnectionsAsync(allowed: true);
        }

        await Eventually.TrueAsync(() => capture.Entries.Any(e => e.EventId.Id == RecoveredEventId), Wait, "the heartbeat to be written again");
        var since = DateTimeOffset.UtcNow.AddSeconds(-2);
        await Eventually.TrueAsync(
            async () => Find(await ReadAsync(node.Api), "node-a")?.GetProperty("lastSeenAt").GetDateTimeOffset() >= since,
            Wait,
            "a fresh heartbeat in the registry");
        Assert.Single(capture.Entries, e => e.EventId.Id == FailedEventId);
    }

    private static async Task<long> FailedHeartbeatsAsync(ClusterNode node)
    {
        const string Name = "appliance_node_heartbeat_failures_total ";
        var line = (await node.Api.GetStringAsync("/metrics")).Split('\n').Single(l => l.StartsWith(Name, StringComparison.Ordinal));
        return long.Parse(line[Name.Length..], System.Globalization.CultureInfo.InvariantCulture);
    }

    // As the database's owner: refuse (and close) or allow again every connection to it.
    private async Task SetConnectionsAsync(bool allowed)
    {
        var database = new NpgsqlConnectionStringBuilder(cluster.ConnectionString).Database;
        await using var connection = new NpgsqlConnection(PostgresServer.Instance.ConnectionString("postgres"));
        await connection.OpenAsync();
        var sql = $"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS {(allowed ? "true" : "false")};"
            + (allowed ? "" : $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid();");
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
