using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.PoolLimits;

/// <summary>
/// Per-pool caps and queues against real Kestrel backends that hold requests on a gate: the cap
/// holds across routes, the queue fills first in first out, the overflow gets the 503 page at once,
/// waiters time out or leave, the queue drains, cache hits take no slot, and reloads keep the count.
/// </summary>
public sealed class PoolLimitsTests(PoolLimitsHost host) : IClassFixture<PoolLimitsHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task The_cap_holds_across_routes_the_queue_fills_the_overflow_gets_503_at_once_and_the_queue_drains()
    {
        var backend = Hold("held");
        var holding = new[] { host.GetAsync("a.held.test", "/slow/1"), host.GetAsync("b.held.test", "/slow/2") };
        await Eventually.TrueAsync(() => backend.Requests == 2, Wait, "two requests at the held backend");

        var queued = new[] { host.GetAsync("b.held.test", "/slow/3"), host.GetAsync("a.held.test", "/slow/4") };
        await Eventually.TrueAsync(() => host.Load("held").Queued == 2, Wait, "two requests in the queue");
        Assert.Equal(2, host.Load("held").Active);

        var clock = Stopwatch.StartNew();
        using var overflow = await host.GetAsync("a.held.test", "/slow/5");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, overflow.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the overflow waited {clock.Elapsed}, as if queued");
        Assert.Equal("60", overflow.Headers.RetryAfter?.ToString());
        Assert.Contains("503", await overflow.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, backend.Requests);

        var metrics = await host.Api.GetStringAsync("/metrics");
        Assert.Contains("appliance_pool_queue_length{pool=\"held\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("appliance_pool_active_requests{pool=\"held\"} 2", metrics, StringComparison.Ordinal);
        Assert.Contains("appliance_pool_rejected_total{pool=\"held\",reason=\"queue_full\"} 1", metrics, StringComparison.Ordinal);

        backend.Gate.TrySetResult();
        foreach (var response in await Task.WhenAll([.. holding, .. queued]))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }

        Assert.Equal(4, backend.Requests);
        await Eventually.TrueAsync(() => host.Load("held") is { Active: 0, Queued: 0 }, Wait, "the held pool to drain");
    }

    [Fact]
    public async Task A_request_that_waits_the_whole_queue_timeout_gets_503_and_is_counted()
    {
        var backend = Hold("timing");
        var holding = host.GetAsync("timing.test", "/slow/1");
        await Eventually.TrueAsync(() => backend.Requests == 1, Wait, "the first request at the backend");

        using var waited = await host.GetAsync("timing.test", "/slow/2");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, waited.StatusCode);
        Assert.Equal("1", waited.Headers.RetryAfter?.ToString());
        Assert.Equal(1, backend.Requests);
        Assert.Equal(1, host.Load("timing").RejectedQueueTimeout);
        Assert.Contains("appliance_pool_rejected_total{pool=\"timing\",reason=\"queue_timeout\"} 1", await host.Api.GetStringAsync("/metrics"), StringComparison.Ordinal);
        backend.Gate.TrySetResult();
        using var first = await holding;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }

    [Fact]
    public async Task A_client_that_goes_away_while_queued_leaves_the_queue_for_the_next_one()
    {
        var backend = Hold("leaving");
        var holding = host.GetAsync("leaving.test", "/slow/1");
        await Eventually.TrueAsync(() => backend.Requests == 1, Wait, "the first request at the backend");

        using var gone = new CancellationTokenSource();
        var leaving = host.GetAsync("leaving.test", "/slow/2", gone.Token);
        await Eventually.TrueAsync(() => host.Load("leaving").Queued == 1, Wait, "the second request in the queue");
        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        await Eventually.TrueAsync(() => host.Load("leaving").Queued == 0, Wait, "the gone client to leave the queue");

        // With the place given up, the next request queues instead of finding the queue full.
        var next = host.GetAsync("leaving.test", "/slow/3");
        await Eventually.TrueAsync(() => host.Load("leaving").Queued == 1, Wait, "the third request in the queue");
        backend.Gate.TrySetResult();
        using var first = await holding;
        using var third = await next;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(2, backend.Requests);
        Assert.Equal(0, host.Load("leaving").RejectedQueueFull);
    }

    [Fact]
    public async Task A_reload_with_the_same_limits_keeps_the_count_and_a_raised_cap_applies_to_new_requests()
    {
        var backend = Hold("reloaded");
        var holding = host.GetAsync("reloaded.test", "/slow/1");
        await Eventually.TrueAsync(() => backend.Requests == 1, Wait, "the first request at the backend");

        // The pool itself changes (its backend's weight), its limits do not.
        (await host.Api.PutAsJsonAsync("/api/v1/pools/reloaded", host.Pool("reloaded", 1, null, weight: 2))).EnsureSuccessStatusCode();
        await host.WaitForLiveConfigAsync();
        using (var refused = await host.GetAsync("reloaded.test", "/slow/2"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        }

        (await host.Api.PutAsJsonAsync("/api/v1/pools/reloaded", host.Pool("reloaded", 2, null, weight: 2))).EnsureSuccessStatusCode();
        await host.WaitForLiveConfigAsync();
        var second = host.GetAsync("reloaded.test", "/slow/3");
        await Eventually.TrueAsync(() => backend.Requests == 2, Wait, "the raised cap to let a second request in");
        Assert.Equal(2, host.Load("reloaded").Active);

        backend.Gate.TrySetResult();
        using var first = await holding;
        using var next = await second;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_cache_hit_takes_no_slot_of_a_full_pool()
    {
        using (var stored = await host.GetAsync("cached.test", "/page"))
        {
            Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        }

        var backend = Hold("cached");
        var holding = host.GetAsync("cached.test", "/slow/1");
        await Eventually.TrueAsync(() => host.Load("cached").Active == 1, Wait, "the one slot taken");
        var before = backend.Requests;

        using var hit = await host.GetAsync("cached.test", "/page");
        using var miss = await host.GetAsync("cached.test", "/other");

        Assert.Equal(HttpStatusCode.OK, hit.StatusCode);
        Assert.Equal("cached", await hit.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, miss.StatusCode);
        Assert.Equal(before, backend.Requests);
        backend.Gate.TrySetResult();
        using var first = await holding;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }

    [Fact]
    public async Task Odd_spellings_of_the_path_and_stray_forwarding_headers_count_against_the_same_pool()
    {
        var backend = Hold("odd");
        var holding = host.GetAsync("odd.test", "/slow/1");
        await Eventually.TrueAsync(() => backend.Requests == 1, Wait, "the first request at the backend");

        foreach (var path in new[] { "//slow/2", "/./slow/3", "/slow;p/4", "/%73low/5", "/x/../slow/6" })
        {
            // Sent as written: an HttpClient would tidy the dot segments and the escape away.
            var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "GET", path, "odd.test", "X-Forwarded-For: 10.9.8.7", "X-Forwarded-Host: other.test", "Forwarded: for=10.1.1.1");
            Assert.True(status == 503, $"{path}: {response}");
        }

        Assert.Equal(1, backend.Requests);
        Assert.Equal(5, host.Load("odd").RejectedQueueFull);
        backend.Gate.TrySetResult();
        using var first = await holding;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }

    [Fact]
    public async Task Limits_out_of_range_and_a_queue_without_a_cap_are_refused_field_by_field()
    {
        using var response = await host.Api.PostAsJsonAsync("/api/v1/pools", new { name = "bad-limits", maxConcurrentRequests = 0, queue = new { length = 10_001, timeoutSeconds = 0 }, backends = Array.Empty<object>() });
        using var uncapped = await host.Api.PostAsJsonAsync("/api/v1/pools", new { name = "uncapped-queue", queue = new { length = 5, timeoutSeconds = 301 }, backends = Array.Empty<object>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("maxConcurrentRequests", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("queue.length", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("queue.timeoutSeconds", out _), errors.ToString());
        var uncappedErrors = (await uncapped.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors");
        Assert.True(uncappedErrors.TryGetProperty("queue", out _), uncappedErrors.ToString());
        Assert.True(uncappedErrors.TryGetProperty("queue.timeoutSeconds", out _), uncappedErrors.ToString());
    }

    [Fact]
    public async Task The_limits_are_in_the_export()
    {
        var config = await host.Api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/config");

        var held = config.GetProperty("pools").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "held");
        Assert.Equal(2, held.GetProperty("maxConcurrentRequests").GetInt32());
        Assert.Equal(2, held.GetProperty("queue").GetProperty("length").GetInt32());
        Assert.Equal(60, held.GetProperty("queue").GetProperty("timeoutSeconds").GetInt32());
    }

    private TestBackend Hold(string pool)
    {
        var backend = host.Backend(pool);
        backend.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return backend;
    }
}
