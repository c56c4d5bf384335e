using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Appliance.Web.Tests.Caching;

/// <summary>
/// Range requests answered from the disk tier (objects over 64 KiB go there in <see cref="DiskCacheHost"/>):
/// one range, several, suffix, 416 and If-Range read from the file where they lie, and a file whose bytes
/// changed on disk never answered with a range of wrong bytes.
/// </summary>
public sealed class CacheDiskRangeTests(DiskCacheHost host) : IClassFixture<DiskCacheHost>
{
    // 17 000 numbered words, 102 000 bytes: every slice says where it came from.
    private static readonly string Body = string.Concat(Enumerable.Range(0, 17_000).Select(i => $"{i:D5} "));

    private static readonly (string, string)[] Cacheable =
        [("Cache-Control", "max-age=600"), ("Content-Type", "text/plain"), ("ETag", "\"d1\"")];

    [Fact]
    public async Task A_stored_file_answers_one_range_a_suffix_several_ranges_and_416_and_If_Range_decides()
    {
        var path = await StoredOnDiskAsync("/disk-range/one");

        using var whole = await host.GetAsync("cache.test", path);
        Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());

        using var part = await host.GetAsync("cache.test", path, ("Range", "bytes=60000-60011"));
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.EndsWith("detail=disk", DiskCacheHost.CacheStatus(part), StringComparison.Ordinal);
        Assert.Equal($"bytes 60000-60011/{Body.Length}", part.Content.Headers.ContentRange!.ToString());
        Assert.Equal(Body[60000..60012], await part.Content.ReadAsStringAsync());

        using var suffix = await host.GetAsync("cache.test", path, ("Range", "bytes=-6"));
        Assert.Equal("16999 ", await suffix.Content.ReadAsStringAsync());

        using var parts = await host.GetAsync("cache.test", path, ("Range", "bytes=90000-90005,0-5"));
        var type = MediaTypeHeaderValue.Parse(parts.Content.Headers.ContentType!.ToString());
        Assert.Equal("multipart/byteranges", type.MediaType.Value);
        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(type.Boundary).Value!, await parts.Content.ReadAsStreamAsync());
        var seen = new List<string>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            seen.Add(section.Headers!["Content-Range"] + " " + await new StreamReader(section.Body).ReadToEndAsync());
        }

        Assert.Equal([$"bytes 90000-90005/{Body.Length} {Body[90000..90006]}", $"bytes 0-5/{Body.Length} {Body[..6]}"], seen);

        using var refused = await host.GetAsync("cache.test", path, ("Range", "bytes=200000-"));
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, refused.StatusCode);
        Assert.Equal($"bytes */{Body.Length}", refused.Content.Headers.ContentRange!.ToString());

        using var sameVersion = await host.GetAsync("cache.test", path, ("Range", "bytes=0-5"), ("If-Range", "\"d1\""));
        Assert.Equal(HttpStatusCode.PartialContent, sameVersion.StatusCode);
        using var otherVersion = await host.GetAsync("cache.test", path, ("Range", "bytes=0-5"), ("If-Range", "\"d0\""));
        Assert.Equal(HttpStatusCode.OK, otherVersion.StatusCode);
        Assert.Equal(Body, await otherVersion.Content.ReadAsStringAsync());

        Assert.Equal(1, host.Origin.Count(path));
    }

    [Fact]
    public async Task A_file_changed_on_disk_is_checked_whole_before_its_first_range_dropped_and_never_sliced()
    {
        var path = await StoredOnDiskAsync("/disk-range/flipped");
        var file = host.FileOf("http://cache.test" + path)!;
        var corrupt = (await host.DiskAsync()).GetProperty("corrupt").GetInt64();
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[^100] ^= 0x01;
        await File.WriteAllBytesAsync(file, bytes);

        // The range asked for is intact; the file is not, and nothing of it is sent.
        await Assert.ThrowsAnyAsync<Exception>(async () => (await host.GetAsync("cache.test", path, ("Range", "bytes=0-5"))).Dispose());
        Assert.Equal(corrupt + 1, (await host.DiskAsync()).GetProperty("corrupt").GetInt64());

        using var refetched = await host.GetAsync("cache.test", path, ("Range", "bytes=0-5"));
        Assert.Equal(2, host.Origin.Count(path));
        Assert.Equal(Body[..6], await refetched.Content.ReadAsStringAsync());
    }

    // Stored by a first GET, which goes to the origin; the object is over the host's 64 KiB threshold, so on disk.
    private async Task<string> StoredOnDiskAsync(string path)
    {
        host.Origin.On(path, Body, Cacheable);
        (await host.GetAsync("cache.test", path)).Dispose();
        Assert.NotNull(host.FileOf("http://cache.test" + path));
        return path;
    }
}
