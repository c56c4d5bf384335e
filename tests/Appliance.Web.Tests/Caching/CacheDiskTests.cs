using System.Net;
using System.Net.Http.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Caching;

/// <summary>The disk tier through the real data plane: large objects on disk, demotion and promotion, corrupt files, the bound, purges.</summary>
public sealed class CacheDiskTests(DiskCacheHost host) : IClassFixture<DiskCacheHost>
{
    private static readonly (string, string)[] Cacheable = [("Cache-Control", "max-age=600"), ("Content-Type", "application/octet-stream")];

    [Theory]
    [InlineData("/big/one")]
    [InlineData("/big/./two")]
    public async Task A_large_object_goes_to_disk_and_its_hits_say_detail_disk(string spelling)
    {
        var path = spelling.Replace("/./", "/", StringComparison.Ordinal);
        var body = Body('b', 300 * 1024);
        host.Origin.On(path, body, Cacheable);

        using var miss = await host.GetAsync("cache.test", spelling);
        Assert.Contains("fwd=uri-miss; stored", DiskCacheHost.CacheStatus(miss), StringComparison.Ordinal);
        Assert.NotNull(host.FileOf($"http://cache.test{path}"));

        foreach (var asked in new[] { spelling, path })
        {
            using var hit = await host.GetAsync("cache.test", asked);
            Assert.Matches(@"^Appliance; hit; ttl=\d+; detail=disk$", DiskCacheHost.CacheStatus(hit));
            Assert.Equal(body, await hit.Content.ReadAsStringAsync());
            Assert.Equal(body.Length, hit.Content.Headers.ContentLength);
        }

        Assert.Equal(1, host.Origin.Count(path));
    }

    [Fact]
    public async Task A_small_object_evicted_from_memory_is_answered_from_disk_then_from_memory_again()
    {
        var body = Body('w', 40 * 1024);
        host.Origin.On("/warm/kept", body, Cacheable);
        (await host.GetAsync("cache.test", "/warm/kept")).Dispose();
        using (var fromMemory = await host.GetAsync("cache.test", "/warm/kept"))
        {
            Assert.DoesNotContain("detail=disk", DiskCacheHost.CacheStatus(fromMemory), StringComparison.Ordinal);
        }

        // 1.2 MiB of other objects push it out of the 1 MiB memory tier, onto disk.
        for (var i = 0; i < 30; i++)
        {
            host.Origin.On($"/warm/push-{i}", Body('p', 40 * 1024), Cacheable);
            (await host.GetAsync("cache.test", $"/warm/push-{i}")).Dispose();
        }

        Assert.NotNull(host.FileOf("http://cache.test/warm/kept"));
        using (var fromDisk = await host.GetAsync("cache.test", "/warm/kept"))
        {
            Assert.EndsWith("detail=disk", DiskCacheHost.CacheStatus(fromDisk), StringComparison.Ordinal);
            Assert.Equal(body, await fromDisk.Content.ReadAsStringAsync());
        }

        using (var promoted = await host.GetAsync("cache.test", "/warm/kept"))
        {
            Assert.StartsWith("Appliance; hit", DiskCacheHost.CacheStatus(promoted), StringComparison.Ordinal);
            Assert.DoesNotContain("detail=disk", DiskCacheHost.CacheStatus(promoted), StringComparison.Ordinal);
            Assert.Equal(body, await promoted.Content.ReadAsStringAsync());
        }

        Assert.Equal(1, host.Origin.Count("/warm/kept"));
    }

    [Fact]
    public async Task A_truncated_file_is_dropped_counted_and_fetched_again_never_served()
    {
        var body = Body('t', 200 * 1024);
        host.Origin.On("/cut/object", body, Cacheable);
        (await host.GetAsync("cache.test", "/cut/object")).Dispose();
        var file = host.FileOf("http://cache.test/cut/object")!;
        var corrupt = (await host.DiskAsync()).GetProperty("corrupt").GetInt64();
        using (var stream = new FileStream(file, FileMode.Open))
        {
            stream.SetLength(stream.Length - 1000);
        }

        using (var refetched = await host.GetAsync("cache.test", "/cut/object"))
        {
            Assert.Contains("fwd=uri-miss; stored", DiskCacheHost.CacheStatus(refetched), StringComparison.Ordinal);
            Assert.Equal(body, await refetched.Content.ReadAsStringAsync());
        }

        Assert.Equal(2, host.Origin.Count("/cut/object"));
        Assert.Equal(corrupt + 1, (await host.DiskAsync()).GetProperty("corrupt").GetInt64());
        Assert.Matches(@"appliance_cache_disk_corrupt_total [1-9]", await host.MetricsAsync());
        using var hit = await host.GetAsync("cache.test", "/cut/object");
        Assert.EndsWith("detail=disk", DiskCacheHost.CacheStatus(hit), StringComparison.Ordinal);
        Assert.Equal(body, await hit.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_large_file_changed_on_disk_aborts_its_first_answer_and_is_dropped_and_fetched_again()
    {
        var body = Body('c', 300 * 1024);
        host.Origin.On("/flipped/object", body, Cacheable);
        (await host.GetAsync("cache.test", "/flipped/object")).Dispose();
        var file = host.FileOf("http://cache.test/flipped/object")!;
        var corrupt = (await host.DiskAsync()).GetProperty("corrupt").GetInt64();
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[^5000] ^= 0x01;
        await File.WriteAllBytesAsync(file, bytes);

        // Same length, wrong bytes: found only by the checksum, at the end of the stream; the client must not get a whole response.
        await Assert.ThrowsAnyAsync<Exception>(async () => (await host.GetAsync("cache.test", "/flipped/object")).Dispose());
        await Eventually.TrueAsync(async () => (await host.DiskAsync()).GetProperty("corrupt").GetInt64() == corrupt + 1, TimeSpan.FromSeconds(10), "the file to be counted as corrupt");
        using var refetched = await host.GetAsync("cache.test", "/flipped/object");
        Assert.Contains("fwd=uri-miss; stored", DiskCacheHost.CacheStatus(refetched), StringComparison.Ordinal);
        Assert.Equal(body, await refetched.Content.ReadAsStringAsync());
        Assert.Equal(2, host.Origin.Count("/flipped/object"));
    }

    [Fact]
    public async Task The_disk_bound_holds_while_ten_times_its_size_passes_through()
    {
        using var client = host.CreateRawClient();
        for (var i = 0; i < 100; i++)
        {
            host.Origin.On($"/flood/{i}", Body('f', 200 * 1024), Cacheable);
            using var response = await client.GetWithHostAsync("cache.test", $"/flood/{i}");
            Assert.Equal(200 * 1024, (await response.Content.ReadAsByteArrayAsync()).Length);
            var bytes = (await host.DiskAsync()).GetProperty("bytes").GetInt64();
            Assert.True(bytes <= DiskCacheHost.DiskBound, $"The disk tier holds {bytes} bytes after {i + 1} objects.");
        }

        var disk = await host.DiskAsync();
        Assert.True(disk.GetProperty("evictions").GetInt64() >= 80);
        var files = Directory.EnumerateFiles(host.DiskFolder, "*.entry", SearchOption.AllDirectories).ToList();
        Assert.Equal(disk.GetProperty("entries").GetInt64(), files.Count);
        Assert.True(files.Sum(f => new FileInfo(f).Length) <= DiskCacheHost.DiskBound);

        // The newest are kept, the oldest went.
        (await client.GetWithHostAsync("cache.test", "/flood/99")).Dispose();
        (await client.GetWithHostAsync("cache.test", "/flood/0")).Dispose();
        Assert.Equal(1, host.Origin.Count("/flood/99"));
        Assert.Equal(2, host.Origin.Count("/flood/0"));
    }

    [Fact]
    public async Task Purges_and_invalidations_reach_both_tiers()
    {
        host.Origin.On("/purge/small", "small", Cacheable);
        host.Origin.On("/purge/large", Body('l', 100 * 1024), Cacheable);
        foreach (var path in new[] { "/purge/small", "/purge/large" })
        {
            (await host.GetAsync("cache.test", path)).Dispose();
        }

        var large = host.FileOf("http://cache.test/purge/large")!;
        Assert.True(File.Exists(large));
        using (var purge = await host.Api.PostAsJsonAsync("/api/v1/cache/purge", new { prefix = "http://cache.test/purge/" }))
        {
            purge.EnsureSuccessStatusCode();
        }

        Assert.False(File.Exists(large));
        Assert.Null(host.FileOf("http://cache.test/purge/large"));
        foreach (var path in new[] { "/purge/small", "/purge/large" })
        {
            using var again = await host.GetAsync("cache.test", path);
            Assert.Contains("fwd=uri-miss", DiskCacheHost.CacheStatus(again), StringComparison.Ordinal);
            Assert.Equal(2, host.Origin.Count(path));
        }

        // A successful unsafe request invalidates the disk copy of its URL too.
        using (var client = host.CreateRawClient())
        using (var post = new HttpRequestMessage(HttpMethod.Post, "/purge/large") { Content = new StringContent("x") })
        {
            post.Headers.Host = "cache.test";
            using var posted = await client.SendAsync(post);
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        }

        Assert.Null(host.FileOf("http://cache.test/purge/large"));
    }

    [Fact]
    public async Task Two_readers_stream_a_whole_old_copy_while_a_writer_replaces_the_file()
    {
        var old = Body('o', 900 * 1024);
        host.Origin.On("/race/object", old, Cacheable);
        (await host.GetAsync("cache.test", "/race/object")).Dispose();

        using var client = host.CreateRawClient();
        var readers = new List<(HttpResponseMessage Response, Stream Body)>();
        for (var i = 0; i < 2; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/race/object");
            request.Headers.Host = "cache.test";
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            Assert.EndsWith("detail=disk", DiskCacheHost.CacheStatus(response), StringComparison.Ordinal);
            var stream = await response.Content.ReadAsStreamAsync();
            await stream.ReadExactlyAsync(new byte[16 * 1024]);
            readers.Add((response, stream));
        }

        // The writer: a request that refuses the stored copy fetches the new version, which replaces the file.
        var replacement = Body('n', 800 * 1024);
        host.Origin.On("/race/object", replacement, Cacheable);
        using (var writer = await host.GetAsync("cache.test", "/race/object", ("Cache-Control", "no-cache")))
        {
            Assert.Contains("stored", DiskCacheHost.CacheStatus(writer), StringComparison.Ordinal);
        }

        foreach (var (response, stream) in readers)
        {
            var rest = await new StreamReader(stream).ReadToEndAsync();
            Assert.Equal(old[(16 * 1024)..], rest);
            response.Dispose();
        }

        using var after = await host.GetAsync("cache.test", "/race/object");
        Assert.EndsWith("detail=disk", DiskCacheHost.CacheStatus(after), StringComparison.Ordinal);
        Assert.Equal(replacement, await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_and_the_overview_report_each_tier_each_rule_and_the_top_objects()
    {
        host.Origin.On("/seen/popular", Body('s', 120 * 1024), Cacheable);
        for (var i = 0; i < 4; i++)
        {
            (await host.GetAsync("cache.test", "/seen/popular")).Dispose();
        }

        var overview = await host.Api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/cache/overview");
        var rule = overview.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("rule").GetString() == "z-all");
        Assert.True(rule.GetProperty("hits").GetInt64() >= 3 && rule.GetProperty("misses").GetInt64() >= 1);
        Assert.Contains(overview.GetProperty("top").GetProperty("byHits").EnumerateArray(), o =>
            o.GetProperty("key").GetString() == "http://cache.test/seen/popular" && o.GetProperty("tier").GetString() == "Disk" && o.GetProperty("hits").GetInt64() >= 3);
        Assert.True(overview.GetProperty("disk").GetProperty("hits").GetInt64() >= 3);

        var metrics = await host.MetricsAsync();
        Assert.Matches(@"appliance_cache_hits_total\{tier=""disk""\} [1-9]", metrics);
        Assert.Matches(@"appliance_cache_entries\{tier=""disk""\} [1-9]", metrics);
        Assert.Matches(@"appliance_cache_rule_lookups_total\{rule=""z-all"",outcome=""hit""\} [1-9]", metrics);
    }

    private static string Body(char fill, int length) => string.Create(length, fill, (span, c) =>
    {
        span.Fill(c);
        for (var i = 0; i < span.Length; i += 997)
        {
            span[i] = (char)('a' + (i % 26));
        }
    });
}
