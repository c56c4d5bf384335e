using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Caching;

/// <summary>Requests that wait for another's fetch wait for the origin, not for the client that fetched.</summary>
public sealed class CacheCoalescingTests(CacheCoalescingHost host) : IClassFixture<CacheCoalescingHost>
{
    [Fact]
    public async Task A_request_collapsed_with_a_fetch_whose_client_does_not_read_is_answered_once_the_entry_is_stored()
    {
        const string path = "/large/held";
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Origin.On(path, async context =>
        {
            await release.Task.WaitAsync(TimeSpan.FromSeconds(60));
            context.Response.Headers.CacheControl = "max-age=600";
            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = CacheCoalescingHost.LargeObjectBytes;
            await context.Response.Body.WriteAsync(new byte[CacheCoalescingHost.LargeObjectBytes]);
        });
        var missesBefore = await MissesAsync();

        // The leader asks and never reads: its answer fills the socket buffers and its writer waits.
        using var leader = new TcpClient { ReceiveBufferSize = 4096 };
        await leader.ConnectAsync(host.ProxyAddress.Host, host.ProxyAddress.Port);
        await leader.GetStream().WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: cache.test\r\n\r\n"));
        await Eventually.TrueAsync(() => host.Origin.Count(path) == 1, TimeSpan.FromSeconds(10), "the leader's fetch to reach the origin");

        var follower = host.GetAsync("cache.test", path);
        await Eventually.TrueAsync(async () => await MissesAsync() >= missesBefore + 2, TimeSpan.FromSeconds(10), "the second request to wait for the fetch");
        release.SetResult();

        // Well under the coalescing timeout (and the client's own 30 s): the follower must not wait for the leader's client.
        using var answer = await follower.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(CacheCoalescingHost.LargeObjectBytes, (await answer.Content.ReadAsByteArrayAsync()).Length);
        Assert.Matches("^Appliance; fwd=uri-miss; collapsed; ttl=", CacheHost.CacheStatus(answer));
        Assert.Equal(1, host.Origin.Count(path));
    }

    private async Task<long> MissesAsync() =>
        (await host.Api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/cache/stats")).GetProperty("misses").GetInt64();
}
