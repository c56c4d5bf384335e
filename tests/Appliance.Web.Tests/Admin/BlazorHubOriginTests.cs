using System.Net;
using System.Net.WebSockets;
using System.Text.Json;

namespace Appliance.Web.Tests.Admin;

// A cross-site page must not be able to open a circuit: the hub refuses a foreign Origin.
public sealed class BlazorHubOriginTests(SignInTests.SeededHost host) : IClassFixture<SignInTests.SeededHost>
{
    private const string Foreign = "https://attacker.example";

    private string OwnOrigin => host.Api.BaseAddress!.GetLeftPart(UriPartial.Authority);

    private async Task<HttpResponseMessage> NegotiateAsync(string? origin)
    {
        using var client = new HttpClient { BaseAddress = host.Api.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await client.SendAsync(request);
    }

    private async Task<string> ConnectionTokenAsync()
    {
        using var negotiated = await NegotiateAsync(OwnOrigin);
        Assert.Equal(HttpStatusCode.OK, negotiated.StatusCode);
        using var json = JsonDocument.Parse(await negotiated.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("connectionToken").GetString()!;
    }

    private Uri HubSocket(string token) =>
        new(host.Api.BaseAddress!.GetLeftPart(UriPartial.Authority).Replace("http://", "ws://", StringComparison.Ordinal) + "/_blazor?id=" + Uri.EscapeDataString(token));

    [Fact]
    public async Task Negotiate_with_a_foreign_origin_is_refused()
    {
        using var response = await NegotiateAsync(Foreign);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Negotiate_from_the_site_itself_or_without_an_origin_works()
    {
        using (var same = await NegotiateAsync(OwnOrigin))
        {
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        }

        using var none = await NegotiateAsync(null);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
    }

    [Fact]
    public async Task A_websocket_upgrade_with_a_foreign_origin_is_refused()
    {
        var token = await ConnectionTokenAsync();
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", Foreign);

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(HubSocket(token), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Fact]
    public async Task A_websocket_upgrade_from_the_site_itself_opens()
    {
        var token = await ConnectionTokenAsync();
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader("Origin", OwnOrigin);

        await socket.ConnectAsync(HubSocket(token), CancellationToken.None);
        Assert.Equal(WebSocketState.Open, socket.State);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, socket.HttpStatusCode);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }
}
