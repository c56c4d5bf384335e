using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Appliance.Web.Tests.Caching;

/// <summary>
/// Range requests answered from a stored complete response (RFC 9110 §14) over a real socket: one range,
/// several as multipart/byteranges, suffix and open-ended ranges, 416, If-Range both ways, and the
/// conditional fields that come before a range.
/// </summary>
public sealed class CacheRangeTests(CacheHost host) : IClassFixture<CacheHost>
{
    private const string Site = "cache.test";
    private const string LastModified = "Thu, 01 Jan 2026 00:00:00 GMT";

    // 1000 bytes whose every position is recognisable: "0000 0001 0002 ..." by fives.
    private static readonly string Body = string.Concat(Enumerable.Range(0, 200).Select(i => $"{i:D4} "));

    private static int _paths;

    [Fact]
    public async Task A_single_range_of_a_stored_response_is_a_206_from_the_cache()
    {
        var path = await StoredAsync("/single");

        using var part = await host.GetAsync(Site, path, ("Range", "bytes=10-24"));

        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("bytes 10-24/1000", part.Content.Headers.ContentRange!.ToString());
        Assert.Equal(15, part.Content.Headers.ContentLength);
        Assert.Equal(Body.Substring(10, 15), await part.Content.ReadAsStringAsync());
        Assert.StartsWith("Appliance; hit", CacheHost.CacheStatus(part));
        Assert.Equal("bytes", part.Headers.AcceptRanges.Single());
        Assert.Equal(1, host.Origin.Count(path));
    }

    [Theory]
    [InlineData("bytes=-300", 700, 999)]
    [InlineData("bytes=900-", 900, 999)]
    [InlineData("bytes=-5000", 0, 999)]
    [InlineData("bytes=995-99999999999999999999999", 995, 999)]
    public async Task Suffix_and_open_ended_ranges_end_at_the_last_byte(string range, int first, int last)
    {
        var path = await StoredAsync("/ends");

        using var part = await host.GetAsync(Site, path, ("Range", range));

        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal($"bytes {first}-{last}/1000", part.Content.Headers.ContentRange!.ToString());
        Assert.Equal(Body[first..(last + 1)], await part.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Several_ranges_are_a_multipart_byteranges_with_one_part_each_in_the_order_asked()
    {
        var path = await StoredAsync("/multi");

        using var parts = await host.GetAsync(Site, path, ("Range", "bytes=500-504, 0-4,-5"));

        Assert.Equal(HttpStatusCode.PartialContent, parts.StatusCode);
        Assert.Null(parts.Content.Headers.ContentRange);
        var type = MediaTypeHeaderValue.Parse(parts.Content.Headers.ContentType!.ToString());
        Assert.Equal("multipart/byteranges", type.MediaType.Value);
        var bytes = await parts.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, parts.Content.Headers.ContentLength);
        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(type.Boundary).Value!, new MemoryStream(bytes));
        var seen = new List<(string Range, string Type, string Text)>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            seen.Add((section.Headers!["Content-Range"].ToString(), section.ContentType!, await new StreamReader(section.Body).ReadToEndAsync()));
        }

        Assert.Equal(
            [("bytes 500-504/1000", "text/plain", Body[500..505]), ("bytes 0-4/1000", "text/plain", Body[..5]), ("bytes 995-999/1000", "text/plain", Body[995..])],
            seen);
        Assert.Equal(1, host.Origin.Count(path));
    }

    [Theory]
    [InlineData("bytes=1000-")]
    [InlineData("bytes=5000-6000,1000-1001")]
    [InlineData("bytes=-0")]
    [InlineData("bytes=99999999999999999999999-")]
    public async Task A_range_past_the_end_is_a_416_naming_the_length(string range)
    {
        var path = await StoredAsync("/past");

        using var refused = await host.GetAsync(Site, path, ("Range", range));

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, refused.StatusCode);
        Assert.Equal("bytes */1000", refused.Content.Headers.ContentRange!.ToString());
        Assert.Empty(await refused.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, host.Origin.Count(path));
    }

    [Theory]
    [InlineData("\"r1\"", HttpStatusCode.PartialContent)]
    [InlineData("\"r0\"", HttpStatusCode.OK)]
    [InlineData("W/\"r1\"", HttpStatusCode.OK)]
    [InlineData(LastModified, HttpStatusCode.PartialContent)]
    [InlineData("Thu, 01 Jan 2026 00:00:01 GMT", HttpStatusCode.OK)]
    [InlineData("not a validator", HttpStatusCode.OK)]
    public async Task If_Range_sends_the_range_for_the_same_representation_and_the_whole_otherwise(string ifRange, HttpStatusCode expected)
    {
        var path = await StoredAsync("/ifrange");

        using var answer = await host.GetAsync(Site, path, ("Range", "bytes=0-9"), ("If-Range", ifRange));

        Assert.Equal(expected, answer.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? Body : Body[..10], await answer.Content.ReadAsStringAsync());
        Assert.StartsWith("Appliance; hit", CacheHost.CacheStatus(answer));
    }

    [Theory]
    [InlineData("bytes=")]
    [InlineData("bytes=-5-10")]
    [InlineData("bytes=10-5")]
    [InlineData("items=0-5")]
    [InlineData("bytes=0-0,0-0")]
    [InlineData("bytes=0-499,250-")]
    public async Task An_invalid_or_overlapping_range_gets_the_whole_response(string range)
    {
        var path = await StoredAsync("/odd");

        using var whole = await host.GetAsync(Site, path, ("Range", range));

        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(Body, await whole.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_thousand_repeated_ranges_get_the_whole_response_once_not_a_thousand_parts()
    {
        var path = await StoredAsync("/amplified");

        using var whole = await host.GetAsync(Site, path, ("Range", "bytes=" + string.Join(',', Enumerable.Repeat("0-0", 1000))));

        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(1000, (await whole.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task A_matching_If_None_Match_is_a_304_before_any_range_is_looked_at()
    {
        var path = await StoredAsync("/conditional");

        using var notModified = await host.GetAsync(Site, path, ("Range", "bytes=0-9"), ("If-None-Match", "\"r1\""));

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Null(notModified.Content.Headers.ContentRange);
    }

    [Fact]
    public async Task A_HEAD_with_a_Range_gets_the_whole_responses_headers()
    {
        var path = await StoredAsync("/head");
        using var client = host.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, path);
        request.Headers.Host = Site;
        request.Headers.TryAddWithoutValidation("Range", "bytes=0-9");

        using var head = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(1000, head.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task A_range_of_a_compressed_variant_is_a_range_of_its_compressed_bytes()
    {
        // Compression starts at 1 KiB: four copies of the body.
        var path = await StoredAsync("/coded", string.Concat(Enumerable.Repeat(Body, 4)));
        using var coded = await host.GetAsync(Site, path, ("Accept-Encoding", "br"));
        var encoded = await coded.Content.ReadAsByteArrayAsync();

        using var part = await host.GetAsync(Site, path, ("Accept-Encoding", "br"), ("Range", "bytes=-10"));
        using var strongIfRange = await host.GetAsync(Site, path, ("Accept-Encoding", "br"), ("Range", "bytes=-10"), ("If-Range", "\"r1\""));

        Assert.Equal("br", coded.Content.Headers.ContentEncoding.Single());
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal("br", part.Content.Headers.ContentEncoding.Single());
        Assert.Equal($"bytes {encoded.Length - 10}-{encoded.Length - 1}/{encoded.Length}", part.Content.Headers.ContentRange!.ToString());
        Assert.Equal(encoded[^10..], await part.Content.ReadAsByteArrayAsync());

        // The coded variant's ETag is weak: If-Range's strong comparison never matches it, so the whole coded body comes.
        Assert.Equal(HttpStatusCode.OK, strongIfRange.StatusCode);
        Assert.Equal(encoded, await strongIfRange.Content.ReadAsByteArrayAsync());
    }

    // A fresh object (1000 bytes unless told) with a strong ETag and a strong Last-Modified, stored by a plain GET.
    private async Task<string> StoredAsync(string prefix, string? body = null)
    {
        body ??= Body;
        var path = $"{prefix}-{Interlocked.Increment(ref _paths)}";
        host.Origin.On(path, body, ("Cache-Control", "max-age=600"), ("ETag", "\"r1\""), ("Last-Modified", LastModified));
        using var first = await host.GetAsync(Site, path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(Encoding.ASCII.GetBytes(body), await first.Content.ReadAsByteArrayAsync());
        return path;
    }
}
