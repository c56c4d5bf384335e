using System.Net;
using System.Net.Http.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.DataPlane;

/// <summary>
/// A request gets its route's plan once, right after the route is matched: a request held at the
/// backend while the configuration changes finishes with the plan it started with in every stage
/// that acts on its answer, and the next request gets the new plan in every stage.
/// </summary>
public sealed class OneRevisionPerRequestTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    [Fact]
    public async Task A_request_held_at_the_backend_while_the_configuration_changes_keeps_its_plan_in_every_later_stage()
    {
        await using var blue = await ScriptedOrigin.StartAsync();
        await using var green = await ScriptedOrigin.StartAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        blue.On("/page", async context =>
        {
            await gate.Task.WaitAsync(TimeSpan.FromSeconds(30));
            context.Response.ContentType = "text/html";
            context.Response.Headers.CacheControl = "max-age=60";
            await context.Response.WriteAsync(new string('b', 4096));
        });
        green.On("/page", new string('g', 4096), ("Content-Type", "text/html"));

        await host.AddPoolAsync(new { name = "held-blue", backends = new[] { new { address = blue.Address } } });
        await host.AddPoolAsync(new { name = "held-green", backends = new[] { new { address = green.Address } } });
        await host.AddRouteAsync(new
        {
            name = "held",
            hosts = new[] { "held.test" },
            targets = new[] { new { pool = "held-blue", weight = 1 } },
            sticky = true,
            securityHeaders = true,
        });
        await PostAsync("/api/v1/cache-rules", new { name = "held-pages", route = "held", match = "/page", mode = "FollowOrigin" });
        await host.WaitForLiveConfigAsync();

        using var client = host.CreateProxyClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        });
        var held = SendAsync(client);
        await Eventually.TrueAsync(() => blue.Count("/page") == 1, TimeSpan.FromSeconds(10), "the request to reach blue");

        // Everything the route's plan says changes while the request waits at the backend: another
        // pool, no sticky cookie, no security headers, no compression, no cache rule.
        using (var update = await host.Api.PutAsJsonAsync("/api/v1/routes/held", new
        {
            hosts = new[] { "held.test" },
            targets = new[] { new { pool = "held-green", weight = 1 } },
            compression = false,
        }))
        {
            update.EnsureSuccessStatusCode();
        }

        using (var removed = await host.Api.DeleteAsync("/api/v1/cache-rules/held-pages"))
        {
            removed.EnsureSuccessStatusCode();
        }

        await host.WaitForLiveConfigAsync();
        gate.SetResult();

        using var old = await held;
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(new string('b', 4096), await DecodedBodyAsync(old));
        Assert.Equal(["gzip"], old.Content.Headers.ContentEncoding);
        Assert.Equal("nosniff", Header(old, "X-Content-Type-Options"));
        Assert.StartsWith("apl_t_", Header(old, "Set-Cookie"), StringComparison.Ordinal);
        Assert.Contains("stored", Header(old, "Cache-Status"), StringComparison.Ordinal);

        using var fresh = await SendAsync(client);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(new string('g', 4096), await fresh.Content.ReadAsStringAsync());
        Assert.Empty(fresh.Content.Headers.ContentEncoding);
        Assert.Equal("", Header(fresh, "X-Content-Type-Options"));
        Assert.Equal("", Header(fresh, "Set-Cookie"));
        Assert.Equal("", Header(fresh, "Cache-Status"));
        Assert.Equal(1, blue.Count("/page"));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/page");
        request.Headers.Host = "held.test";
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task<string> DecodedBodyAsync(HttpResponseMessage response)
    {
        await using var gzip = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return await reader.ReadToEndAsync();
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";

    private async Task PostAsync(string path, object body)
    {
        using var response = await host.Api.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
    }
}
