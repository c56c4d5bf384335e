using System.Net;
using Appliance.Engine.AccessLogging;
using Appliance.Engine.AccessLogging.Viewer;

namespace Appliance.Engine.Tests.AccessLogging;

public sealed class RecentRequestsTests
{
    [Fact]
    public void Before_it_is_full_the_ring_holds_every_request_newest_first()
    {
        var ring = Ring(5);
        AddMany(ring, 3);

        Assert.Equal(new[] { "r2", "r1", "r0" }, Held(ring).Select(r => r.RequestId));
        Assert.Equal(new long[] { 2, 1, 0 }, Held(ring).Select(r => r.Sequence));
        Assert.Equal(3, ring.Count);
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(5, 6)]
    [InlineData(5, 12)]
    [InlineData(5, 15)]
    [InlineData(1, 4)]
    public void Once_full_the_newest_request_overwrites_the_oldest(int capacity, int added)
    {
        var ring = Ring(capacity);
        AddMany(ring, added);

        var expected = Enumerable.Range(added - capacity, capacity).Reverse().Select(i => $"r{i}");
        Assert.Equal(expected, Held(ring).Select(r => r.RequestId));
        Assert.Equal(capacity, ring.Count);
        Assert.Equal(added, ring.Added);
    }

    [Fact]
    public void A_ring_of_no_slots_is_off_and_keeps_nothing()
    {
        var ring = Ring(0);
        AddMany(ring, 3);

        Assert.False(ring.Enabled);
        Assert.Empty(Held(ring));
        Assert.Equal(0, ring.Added);
    }

    [Fact]
    public async Task Concurrent_writers_lose_no_request_and_tear_none_while_readers_copy()
    {
        const int writers = 4, each = 20_000, capacity = 1000;
        var ring = Ring(capacity);
        using var done = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            var copies = 0;
            while (!done.IsCancellationRequested || copies == 0)
            {
                var held = Held(ring);
                for (var i = 0; i < held.Count; i++)
                {
                    // A torn slot would pair one request's id with another's status or bytes.
                    Assert.Equal($"w{held[i].Status - 200}-{held[i].Bytes}", held[i].RequestId);
                    Assert.True(i == 0 || held[i].Sequence < held[i - 1].Sequence, "newest first");
                }

                copies++;
            }

            return copies;
        });

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < each; i++)
            {
                ring.Add(Request($"w{w}-{i}", status: 200 + w, bytes: i));
            }
        })));
        await done.CancelAsync();
        Assert.True(await reader > 0);

        Assert.Equal(writers * each, ring.Added);
        var last = Held(ring);
        Assert.Equal(capacity, last.Count);
        Assert.Equal(Enumerable.Range(writers * each - capacity, capacity).Select(i => (long)i).Reverse(), last.Select(r => r.Sequence));

        // Each writer's requests keep its own order: newer sequence, later request of that writer.
        foreach (var writer in last.GroupBy(r => r.Status))
        {
            var bytes = writer.Select(r => r.Bytes).ToArray();
            Assert.Equal(bytes.OrderDescending(), bytes);
        }
    }

    internal static RecentRequests Ring(int capacity) => new(new AccessLogOptions { ViewerCapacity = capacity });

    internal static RecentRequest Request(
        string id, int status = 200, long bytes = 0, string path = "/", string? route = "web", string method = "GET", string client = "127.0.0.1", DateTimeOffset? time = null) =>
        new(0, time ?? DateTimeOffset.UnixEpoch, id, IPAddress.Parse(client), "site.test", method, path, status, bytes, 1.5, route, route is null ? null : "pool", null);

    internal static IReadOnlyList<RecentRequest> Held(RecentRequests ring)
    {
        var (rented, count, _) = ring.RentNewestFirst();
        try
        {
            return rented.AsSpan(0, count).ToArray();
        }
        finally
        {
            RecentRequests.Return(rented);
        }
    }

    private static void AddMany(RecentRequests ring, int count)
    {
        for (var i = 0; i < count; i++)
        {
            ring.Add(Request($"r{i}"));
        }
    }
}
