using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Api;

public sealed class TokenApiTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    [Fact]
    public async Task A_token_created_over_the_api_is_shown_once_works_and_stops_working_when_revoked()
    {
        using var created = await host.Api.PostAsJsonAsync("/api/v1/tokens", new { name = "deploy-bot", role = "Admin" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("token").GetString()!;
        var id = body.GetProperty("id").GetInt32();
        Assert.StartsWith("apl_", secret);
        Assert.Equal($"/api/v1/tokens/{id}", created.Headers.Location?.ToString());

        using var bot = new HttpClient { BaseAddress = host.Api.BaseAddress };
        bot.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var write = await bot.PostAsJsonAsync("/api/v1/pools", new { name = "made-by-bot", backends = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Created, write.StatusCode);

        var listing = await host.Api.GetStringAsync("/api/v1/tokens");
        Assert.Contains("deploy-bot", listing);
        Assert.DoesNotContain(secret, listing);

        var audit = await host.Api.GetStringAsync("/api/v1/audit?take=10");
        Assert.Contains("token:deploy-bot", audit);
        Assert.DoesNotContain(secret, audit);

        Assert.Equal(HttpStatusCode.NoContent, (await host.Api.DeleteAsync($"/api/v1/tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.GetAsync("/api/v1/pools")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.DeleteAsync($"/api/v1/tokens/{id}")).StatusCode);
    }

    [Fact]
    public async Task Viewers_cannot_see_or_create_tokens_and_bad_requests_name_the_field()
    {
        using var created = await host.Api.PostAsJsonAsync("/api/v1/tokens", new { name = "read-only", role = "Viewer" });
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        using var viewer = new HttpClient { BaseAddress = host.Api.BaseAddress };
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/v1/tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("/api/v1/tokens", new { name = "escalate", role = "Admin" })).StatusCode);

        using var badRole = await host.Api.PostAsJsonAsync("/api/v1/tokens", new { name = "x", role = "Root" });
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Contains("Unknown role", (await badRole.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("role")[0].GetString());

        using var duplicate = await host.Api.PostAsJsonAsync("/api/v1/tokens", new { name = "read-only", role = "Viewer" });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }
}
