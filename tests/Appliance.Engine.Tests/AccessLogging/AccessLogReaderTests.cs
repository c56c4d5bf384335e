using Appliance.Engine.AccessLogging.Viewer;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Engine.Tests.AccessLogging;

public sealed class AccessLogReaderTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 30, 20, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Now);

    [Fact]
    public void A_search_answers_the_newest_matches_first_and_at_most_take()
    {
        var ring = RecentRequestsTests.Ring(100);
        for (var i = 0; i < 10; i++)
        {
            ring.Add(RecentRequestsTests.Request($"r{i}", status: i % 2 == 0 ? 200 : 404));
        }

        var reader = new AccessLogReader(ring, _clock);
        var found = reader.Find(new AccessLogFilter { Status = Status("404") }, take: 3);

        Assert.Equal(new[] { "r9", "r7", "r5" }, found.Select(r => r.RequestId));
        Assert.Equal(10, reader.Find(AccessLogFilter.All, AccessLogReader.MaxTake).Count);
    }

    [Fact]
    public void A_summary_counts_the_last_minutes_by_class_path_client_and_minute()
    {
        var ring = RecentRequestsTests.Ring(100);
        Add(ring, Now.AddMinutes(-90), "/too-old", 200, "10.0.0.9");
        Add(ring, Now.AddMinutes(-59), "/a", 200, "10.0.0.1");
        Add(ring, Now.AddMinutes(-2), "/a", 404, "10.0.0.1");
        Add(ring, Now.AddMinutes(-2), "/b", 503, "10.0.0.2");
        Add(ring, Now.AddSeconds(-5), "/a", 200, "10.0.0.1");
        Add(ring, Now.AddSeconds(-1), "/c", 302, "10.0.0.3");

        var summary = new AccessLogReader(ring, _clock).Summarize(60);

        Assert.Equal(5, summary.Total);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 11, 31, 0, TimeSpan.Zero), summary.From);
        Assert.Equal(60, summary.PerMinute.Count);
        Assert.Equal(summary.From, summary.PerMinute[0].Minute);
        Assert.Equal(new long[] { 1, 2, 2 }, new[] { summary.PerMinute[0].Count, summary.PerMinute[57].Count, summary.PerMinute[59].Count });
        Assert.Equal(5, summary.PerMinute.Sum(m => m.Count));
        Assert.Equal(new Dictionary<string, long> { ["1xx"] = 0, ["2xx"] = 2, ["3xx"] = 1, ["4xx"] = 1, ["5xx"] = 1 }, summary.StatusClasses);
        Assert.Equal(new AccessLogCount("/a", 3), summary.TopPaths[0]);
        Assert.DoesNotContain(summary.TopPaths, p => p.Value == "/too-old");
        Assert.Equal(new[] { new AccessLogCount("10.0.0.1", 3), new AccessLogCount("10.0.0.2", 1), new AccessLogCount("10.0.0.3", 1) }, summary.TopClients);
        Assert.True(summary.Complete);
    }

    [Fact]
    public void A_summary_names_at_most_ten_paths_the_busiest_first()
    {
        var ring = RecentRequestsTests.Ring(1000);
        for (var path = 0; path < 15; path++)
        {
            for (var n = 0; n <= path; n++)
            {
                Add(ring, Now, $"/p{path}", 200, "10.0.0.1");
            }
        }

        var top = new AccessLogReader(ring, _clock).Summarize(5).TopPaths;

        Assert.Equal(AccessLogReader.TopCount, top.Count);
        Assert.Equal(new AccessLogCount("/p14", 15), top[0]);
        Assert.Equal(new AccessLogCount("/p5", 6), top[^1]);
    }

    [Fact]
    public void A_summary_says_when_the_ring_no_longer_holds_the_whole_period()
    {
        var ring = RecentRequestsTests.Ring(3);
        for (var i = 10; i > 0; i--)
        {
            Add(ring, Now.AddMinutes(-i), "/a", 200, "10.0.0.1");
        }

        var summary = new AccessLogReader(ring, _clock).Summarize(60);

        Assert.False(summary.Complete);
        Assert.Equal(3, summary.Total);
        Assert.Equal(Now.AddMinutes(-3), summary.HeldSince);

        // A period the ring still covers whole is complete, overwritten requests or not.
        Assert.True(new AccessLogReader(ring, _clock).Summarize(2).Complete);
    }

    [Fact]
    public void An_empty_or_disabled_ring_sums_to_nothing()
    {
        var summary = new AccessLogReader(RecentRequestsTests.Ring(0), _clock).Summarize(60);

        Assert.Equal(0, summary.Total);
        Assert.All(summary.StatusClasses.Values, n => Assert.Equal(0, n));
        Assert.Empty(summary.TopPaths);
        Assert.Null(summary.HeldSince);
        Assert.True(summary.Complete);
    }

    private static void Add(RecentRequests ring, DateTimeOffset time, string path, int status, string client) =>
        ring.Add(RecentRequestsTests.Request("x", status: status, path: path, client: client, time: time));

    private static StatusPattern Status(string text) => StatusPattern.TryParse(text, out var pattern) ? pattern : throw new ArgumentException(text);
}
