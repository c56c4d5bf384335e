using System.Net;
using System.Text;
using Appliance.Engine.Mirroring;
using Yarp.ReverseProxy.Forwarder;

namespace Appliance.Engine.Tests.Mirroring;

public sealed class MirroredRequestTests
{
    [Theory]
    [InlineData("http://10.0.0.1:8080", "http://10.0.0.1:8080/v2/a%2Fb?x=1&y=%20", "/v2/a%2Fb?x=1&y=%20")]
    [InlineData("http://10.0.0.1:8080/", "http://10.0.0.1:8080/v2", "/v2")]
    [InlineData("http://10.0.0.1:8080/base/", "http://10.0.0.1:8080/base/v2/x", "/v2/x")]
    [InlineData("http://10.0.0.1:8080", "http://10.0.0.1:8080/", "/")]
    public void The_target_is_what_followed_the_primarys_address(string prefix, string sent, string target)
    {
        using var primary = new HttpRequestMessage(HttpMethod.Get, new Uri(sent, UriKind.Absolute));

        Assert.Equal(target, MirroredRequest.From(primary, prefix).Target);
    }

    [Theory]
    [InlineData("http://10.0.0.9:9000", "http://10.0.0.9:9000/v2/a%2Fb?x=1")]
    [InlineData("http://10.0.0.9:9000/", "http://10.0.0.9:9000/v2/a%2Fb?x=1")]
    [InlineData("http://10.0.0.9:9000/shadow", "http://10.0.0.9:9000/shadow/v2/a%2Fb?x=1")]
    public void The_copy_goes_to_the_shadows_address_with_the_same_target(string shadow, string expected)
    {
        using var primary = new HttpRequestMessage(HttpMethod.Get, new Uri("http://10.0.0.1:8080/v2/a%2Fb?x=1", UriKind.Absolute));

        using var copy = MirroredRequest.From(primary, "http://10.0.0.1:8080").ToMessage(shadow, body: null, http: null);

        Assert.Equal(expected, copy.RequestUri!.OriginalString);
        Assert.Equal((HttpVersion.Version20, HttpVersionPolicy.RequestVersionOrLower), (copy.Version, copy.VersionPolicy));
        Assert.Null(copy.Content);
    }

    [Fact]
    public async Task The_copy_has_the_primarys_headers_and_body_with_the_marker_and_its_own_framing()
    {
        using var primary = new HttpRequestMessage(HttpMethod.Post, new Uri("http://10.0.0.1:8080/orders", UriKind.Absolute))
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        primary.Headers.TryAddWithoutValidation("X-Forwarded-For", "192.0.2.7");
        primary.Headers.TryAddWithoutValidation("X-Request-Id", "abc-1");
        primary.Headers.TryAddWithoutValidation("Accept", ["text/plain", "application/json"]);
        primary.Headers.TryAddWithoutValidation(MirrorHeaders.Marker, "forged");
        primary.Headers.TryAddWithoutValidation("Expect", "100-continue");
        primary.Content.Headers.ContentLength = 999;

        using var copy = MirroredRequest.From(primary, "http://10.0.0.1:8080")
            .ToMessage("http://10.0.0.9:9000", "{\"a\":1}"u8.ToArray(), new ForwarderRequestConfig { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact });

        Assert.Equal(HttpMethod.Post, copy.Method);
        Assert.Equal(HttpVersion.Version11, copy.Version);
        Assert.Equal("192.0.2.7", copy.Headers.GetValues("X-Forwarded-For").Single());
        Assert.Equal("abc-1", copy.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal(["text/plain", "application/json"], copy.Headers.NonValidated["Accept"]);
        Assert.Equal([MirrorHeaders.MarkerValue], copy.Headers.GetValues(MirrorHeaders.Marker));
        Assert.False(copy.Headers.Contains("Expect"));
        Assert.Equal("application/json; charset=utf-8", copy.Content!.Headers.ContentType!.ToString());
        Assert.Equal(7, copy.Content.Headers.ContentLength);
        Assert.Equal("{\"a\":1}", await copy.Content.ReadAsStringAsync());
    }
}
