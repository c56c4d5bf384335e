using System.IO.Compression;
using System.Net;
using System.Text;
using Appliance.Web.Tests.Caching;

namespace Appliance.Web.Tests.Compression;

public sealed class CompressionTests(CacheHost host) : IClassFixture<CacheHost>
{
    private static readonly string Html = "<!doctype html><title>t</title>" + string.Concat(Enumerable.Range(0, 200).Select(i => $"<p>paragraph {i}</p>"));

    [Theory]
    [InlineData("gzip;q=0.5, br;q=0.8", "br")]
    [InlineData("gzip, br;q=0", "gzip")]
    [InlineData("zstd", "zstd")]
    [InlineData("*;q=0.5", "br")]
    [InlineData("gzip;q=1, zstd;q=1", "zstd")]
    [InlineData("identity", null)]
    [InlineData("gzip;q=0, identity", null)]
    [InlineData("", null)]
    public async Task The_coding_follows_Accept_Encoding_q_values_and_decodes_to_the_original(string acceptEncoding, string? expected)
    {
        var path = "/page-" + Guid.NewGuid().ToString("N") + ".html";
        host.Origin.On(path, Html, ("Content-Type", "text/html; charset=utf-8"), ("ETag", "\"page\""));

        using var response = await GetAsync("cache.test", path, acceptEncoding);

        Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Equal(Html, Decode(await response.Content.ReadAsByteArrayAsync(), expected));
        if (expected is not null)
        {
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            Assert.Equal("W/\"page\"", response.Headers.ETag?.ToString());
        }
        else
        {
            Assert.Equal("\"page\"", response.Headers.ETag?.ToString());
        }
    }

    [Fact]
    public async Task Encoded_responses_small_bodies_images_no_transform_and_routes_without_compression_are_left_alone()
    {
        var gzipped = "/gzipped-" + Guid.NewGuid().ToString("N");
        var original = Encode(Html);
        host.Origin.On(gzipped, async context =>
        {
            context.Response.ContentType = "text/html";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(original);
        });
        var small = "/small-" + Guid.NewGuid().ToString("N");
        host.Origin.On(small, "<p>short</p>", ("Content-Type", "text/html"));
        var image = "/image-" + Guid.NewGuid().ToString("N");
        host.Origin.On(image, async context =>
        {
            context.Response.ContentType = "image/png";
            await context.Response.Body.WriteAsync(new byte[4096]);
        });
        var noTransform = "/no-transform-" + Guid.NewGuid().ToString("N");
        host.Origin.On(noTransform, Html, ("Content-Type", "text/html"), ("Cache-Control", "no-transform"));
        var plain = "/plain-" + Guid.NewGuid().ToString("N");
        host.Origin.On(plain, Html, ("Content-Type", "text/html"));

        using (var response = await GetAsync("cache.test", gzipped, "br, gzip"))
        {
            Assert.Equal("gzip", response.Content.Headers.ContentEncoding.Single());
            Assert.Equal(original, await response.Content.ReadAsByteArrayAsync());
        }

        foreach (var (hostName, path) in new[] { ("cache.test", small), ("cache.test", image), ("cache.test", noTransform), ("plain.test", plain) })
        {
            using var response = await GetAsync(hostName, path, "br, gzip, zstd");
            Assert.Empty(response.Content.Headers.ContentEncoding);
        }
    }

    [Fact]
    public async Task A_cached_text_response_is_served_in_each_clients_coding_from_variants_kept_with_the_entry()
    {
        var path = "/cached-" + Guid.NewGuid().ToString("N") + ".css";
        var css = string.Concat(Enumerable.Range(0, 100).Select(i => $".c{i} {{ color: red; }}\n"));
        host.Origin.On(path, css, ("Content-Type", "text/css"), ("Cache-Control", "max-age=600"));

        foreach (var coding in new[] { "br", "br", "gzip", "zstd", "identity" })
        {
            using var response = await GetAsync("cache.test", path, coding);
            var expected = coding == "identity" ? null : coding;
            Assert.Equal(expected, response.Content.Headers.ContentEncoding.SingleOrDefault());
            Assert.Equal(css, Decode(await response.Content.ReadAsByteArrayAsync(), expected));
        }

        Assert.Equal(1, host.Origin.Count(path));
    }

    private async Task<HttpResponseMessage> GetAsync(string hostName, string path, string acceptEncoding)
    {
        using var client = host.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = hostName;
        if (acceptEncoding.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }

        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static string Decode(byte[] body, string? coding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = coding switch
        {
            "br" => new BrotliStream(input, CompressionMode.Decompress),
            "gzip" => new GZipStream(input, CompressionMode.Decompress),
            "zstd" => new ZstdSharp.DecompressionStream(input),
            _ => input,
        };
        using var reader = new StreamReader(decoder, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static byte[] Encode(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
