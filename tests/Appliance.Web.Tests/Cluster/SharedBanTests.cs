using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Cluster;

/// <summary>
/// Two nodes sharing bans through Redis: a ban made on one, by an operator or by a rule, is
/// enforced at accept on the other within about a second; an unban on either lifts it on both; a
/// ban made while Redis is away reaches the other node once Redis is back.
/// </summary>
public sealed class SharedBanTests(BanNodes nodes) : IClassFixture<BanNodes>
{
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_operators_ban_on_one_node_is_enforced_at_accept_on_the_other_and_an_unban_there_lifts_it_on_both()
    {
        await nodes.WaitForRedisAsync(up: true);
        var client = IPAddress.Parse("127.0.0.61");
        (await nodes.A.Api.PostAsJsonAsync("/api/v1/bans", new { address = "127.0.0.61", seconds = 600, reason = "seen on node a" })).EnsureSuccessStatusCode();

        var clock = Stopwatch.StartNew();
        await Eventually.TrueAsync(async () => (await nodes.B.BannedAsync()).Contains("127.0.0.61"), Propagation, "node b to hold node a's ban");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The ban took {clock.Elapsed.TotalSeconds:0.0} s to reach node b.");
        Assert.True(await SourceBoundHttp.ClosedUnansweredAsync(client, nodes.B.ProxyAddress));
        Assert.True(await SourceBoundHttp.ClosedUnansweredAsync(client, nodes.A.ProxyAddress));

        Assert.Equal(HttpStatusCode.NoContent, (await nodes.B.Api.DeleteAsync("/api/v1/bans/127.0.0.61")).StatusCode);
        await Eventually.TrueAsync(async () => !(await nodes.A.BannedAsync()).Contains("127.0.0.61"), Propagation, "node a to lift the ban node b lifted");
        Assert.Equal(404, (await SourceBoundHttp.SendAsync(client, nodes.A.ProxyAddress, "GET", "/", "nobody.test")).Status);
    }

    [Fact]
    public async Task A_rules_ban_on_one_node_holds_on_the_other()
    {
        await nodes.WaitForRedisAsync(up: true);
        var client = IPAddress.Parse("127.0.0.62");
        Assert.Equal(404, (await SourceBoundHttp.SendAsync(client, nodes.A.ProxyAddress, "GET", "/instant.php", "nobody.test")).Status);
        Assert.Contains("127.0.0.62", await nodes.A.BannedAsync());

        await Eventually.TrueAsync(() => SourceBoundHttp.ClosedUnansweredAsync(client, nodes.B.ProxyAddress), Propagation, "node b to close the banned client's connections");
        var ban = (await nodes.B.Api.GetFromJsonAsync<Security.Bans.BanHost.BanView[]>("/api/v1/bans"))!.Single(b => b.Subject == "127.0.0.62");
        Assert.Equal("instant", ban.Rule);
    }

    [Fact]
    public async Task A_ban_made_while_Redis_is_away_reaches_the_other_node_once_Redis_is_back_and_a_Redis_restart_lifts_no_ban()
    {
        await nodes.WaitForRedisAsync(up: true);
        (await nodes.A.Api.PostAsJsonAsync("/api/v1/bans", new { address = "127.0.0.64", seconds = 600 })).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(async () => (await nodes.B.BannedAsync()).Contains("127.0.0.64"), Propagation, "node b to hold the ban made before the outage");

        // The test's Redis keeps nothing on disk: it comes back empty, as a restarted cache does.
        await nodes.Redis.StopAsync();
        try
        {
            await nodes.WaitForRedisAsync(up: false);
            (await nodes.A.Api.PostAsJsonAsync("/api/v1/bans", new { address = "127.0.0.63", seconds = 600 })).EnsureSuccessStatusCode();

            // Enforced where it was made at once, whatever Redis does.
            Assert.True(await SourceBoundHttp.ClosedUnansweredAsync(IPAddress.Parse("127.0.0.63"), nodes.A.ProxyAddress));
            Assert.DoesNotContain("127.0.0.63", await nodes.B.BannedAsync());
        }
        finally
        {
            await nodes.Redis.StartAsync();
        }

        await nodes.WaitForRedisAsync(up: true);
        await Eventually.TrueAsync(async () => (await nodes.B.BannedAsync()).Contains("127.0.0.63"), TimeSpan.FromSeconds(30), "node b to learn the ban made while Redis was away");
        Assert.Contains("127.0.0.64", await nodes.B.BannedAsync());
        Assert.Contains("127.0.0.64", await nodes.A.BannedAsync());
        Assert.True(await SourceBoundHttp.ClosedUnansweredAsync(IPAddress.Parse("127.0.0.64"), nodes.B.ProxyAddress));
    }
}
