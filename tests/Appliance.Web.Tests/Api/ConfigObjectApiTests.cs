using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Api;

/// <summary>Every kind of configuration object has the same endpoints with the same answers; the store gives every refusal.</summary>
public sealed class ConfigObjectApiTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    public static TheoryData<string, string> Kinds => new()
    {
        { "/api/v1/pools", """{"name":"NAME","backends":[]}""" },
        { "/api/v1/routes", """{"name":"NAME","targets":[{"pool":"objects-api","weight":1}]}""" },
        { "/api/v1/cache-rules", """{"name":"NAME","match":"/static"}""" },
        { "/api/v1/access-lists", """{"name":"NAME","rules":[]}""" },
        { "/api/v1/rate-limits", """{"name":"NAME"}""" },
        { "/api/v1/ban-rules", """{"name":"NAME","statuses":[404]}""" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_kind_is_created_at_its_location_refused_when_taken_unknown_when_missing_and_deleted(string path, string body)
    {
        await EnsurePoolAsync("objects-api");
        var name = "object-" + path[(path.LastIndexOf('/') + 1)..];

        using (var created = await PostAsync(path, body.Replace("NAME", name, StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal($"{path}/{name}", created.Headers.Location?.ToString());
        }

        var configuration = await host.Api.GetStringAsync("/api/v1/config");
        using (var taken = await PostAsync(path, body.Replace("NAME", name, StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
            Assert.Contains("already exists", (await ProblemAsync(taken)).GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(configuration, await host.Api.GetStringAsync("/api/v1/config"));
        using (var missing = await host.Api.PutAsync($"{path}/no-such-object", Json(body.Replace("NAME", "no-such-object", StringComparison.Ordinal))))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("'no-such-object'", (await ProblemAsync(missing)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.DeleteAsync($"{path}/no-such-object")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Api.DeleteAsync($"{path}/{name}")).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/access-lists", """{"name":"NAME","rules":[]}""")]
    [InlineData("/api/v1/rate-limits", """{"name":"NAME"}""")]
    public async Task Of_concurrent_creates_of_one_name_one_gets_201_and_the_others_409(string path, string body)
    {
        for (var i = 0; i < 5; i++)
        {
            var json = body.Replace("NAME", $"concurrent-{i}", StringComparison.Ordinal);
            var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
            {
                using var response = await PostAsync(path, json);
                return response.StatusCode;
            })));
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.Conflict], answers.Order());
        }
    }

    [Fact]
    public async Task A_put_to_an_access_list_takes_the_name_from_the_url_as_it_always_has()
    {
        using (var created = await PostAsync("/api/v1/access-lists", """{"name":"url-name","rules":[]}"""))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var replaced = await host.Api.PutAsync("/api/v1/access-lists/url-name", Json("""{"name":"body-name","defaultAction":"Deny"}"""));

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var lists = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/access-lists");
        var list = Assert.Single(lists.EnumerateArray(), l => l.GetProperty("name").GetString() is "url-name" or "body-name");
        Assert.Equal("url-name", list.GetProperty("name").GetString());
        Assert.Equal("Deny", list.GetProperty("defaultAction").GetString());
    }

    private async Task EnsurePoolAsync(string name)
    {
        if ((await host.Api.GetAsync($"/api/v1/pools/{name}")).StatusCode == HttpStatusCode.NotFound)
        {
            await host.AddPoolAsync(new { name, backends = Array.Empty<object>() });
        }
    }

    private Task<HttpResponseMessage> PostAsync(string path, string json) => host.Api.PostAsync(path, Json(json));

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
