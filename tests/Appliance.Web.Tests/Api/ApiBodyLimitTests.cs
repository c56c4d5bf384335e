using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Api;

public sealed class ApiBodyLimitTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    private const long Limit = Appliance.Web.Hosting.AdminOptions.DefaultMaxRequestBodyBytes;

    // A valid pool object of exactly `size` bytes whose name is one long string, so that a
    // reader has to take in the whole body before it can judge it.
    private static byte[] JsonOfSize(long size)
    {
        var head = Encoding.ASCII.GetBytes("{\"name\":\"");
        var tail = Encoding.ASCII.GetBytes("\"}");
        var body = new byte[size];
        Array.Fill(body, (byte)'a');
        head.CopyTo(body, 0);
        tail.CopyTo(body, size - tail.Length);
        return body;
    }

    [Fact]
    public async Task A_body_one_byte_over_the_limit_gets_413_as_a_problem_document()
    {
        using var content = new ByteArrayContent(JsonOfSize(Limit + 1));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // As a careful client sends a large body: the server answers before the body is sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/pools") { Content = content };
        request.Headers.ExpectContinue = true;
        using var response = await host.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("body", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_chunked_body_that_grows_over_the_limit_gets_413_too()
    {
        // No Content-Length: the server only learns the size while reading.
        using var content = new StreamContent(new MemoryStream(JsonOfSize(Limit + 1)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/pools") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await host.Api.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_body_at_the_limit_is_read_and_judged_on_its_content()
    {
        using var content = new ByteArrayContent(JsonOfSize(Limit));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await host.Api.PostAsync("/api/v1/pools", content);

        // Read in full: refused for its overlong name, not for its size.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
