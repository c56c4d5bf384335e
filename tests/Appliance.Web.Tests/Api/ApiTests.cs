using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Appliance.Data.Model;
using Appliance.Data.Tokens;
using Appliance.Data.Users;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Api;

public sealed class ApiTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    [Theory]
    [InlineData("GET", "/api/v1/pools")]
    [InlineData("POST", "/api/v1/pools")]
    [InlineData("GET", "/api/v1/routes/x")]
    [InlineData("DELETE", "/api/v1/routes/x")]
    [InlineData("GET", "/api/v1/health")]
    [InlineData("GET", "/api/v1/config")]
    [InlineData("PUT", "/api/v1/config")]
    [InlineData("GET", "/api/v1/audit")]
    [InlineData("GET", "/api/v1/config/revisions")]
    [InlineData("GET", "/api/v1/config/revisions/1/diff/2")]
    [InlineData("POST", "/api/v1/config/revisions/1/restore")]
    [InlineData("GET", "/api/v1/openapi.json")]
    [InlineData("GET", "/api/v1/tokens")]
    [InlineData("DELETE", "/api/v1/tokens/1")]
    public async Task Every_endpoint_answers_401_without_a_valid_token(string method, string path)
    {
        using var anonymous = new HttpClient { BaseAddress = host.Api.BaseAddress };
        using var noToken = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal("application/problem+json", noToken.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", noToken.Headers.WwwAuthenticate.Single().Scheme);

        using var wrong = new HttpRequestMessage(new HttpMethod(method), path);
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApplianceHost.BootstrapToken + "x");
        using var wrongToken = await anonymous.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);
    }

    [Fact]
    public async Task A_stored_token_works_and_a_viewer_token_may_read_but_not_write()
    {
        var tokens = host.App.Services.GetRequiredService<ApiTokenStore>();
        var viewer = (await tokens.CreateAsync(new ApiTokenRequest { Name = "ci-viewer", Role = ApplianceRoles.Viewer }, Editor.Authorized("test"))).Value!.Token;
        using var client = new HttpClient { BaseAddress = host.Api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", viewer);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/pools")).StatusCode);
        using var write = await client.PostAsJsonAsync("/api/v1/pools", new { name = "viewer-pool", backends = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.GetAsync("/api/v1/pools/viewer-pool")).StatusCode);
    }

    [Fact]
    public async Task Pools_can_be_created_read_updated_and_deleted()
    {
        using var created = await host.Api.PostAsJsonAsync("/api/v1/pools", new
        {
            name = "crud",
            loadBalancing = "WeightedRoundRobin",
            healthCheck = new { path = "/healthz", intervalSeconds = 5, timeoutSeconds = 2, unhealthyAfter = 3, healthyAfter = 2 },
            backends = new[] { new { address = "HTTP://Backend.Example:8080/", weight = 7, enabled = true } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/v1/pools/crud", created.Headers.Location?.ToString());

        var pool = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/pools/crud");
        Assert.Equal("http://backend.example:8080", pool.GetProperty("backends")[0].GetProperty("address").GetString());
        Assert.Equal(3, pool.GetProperty("healthCheck").GetProperty("unhealthyAfter").GetInt32());

        using var updated = await host.Api.PutAsJsonAsync("/api/v1/pools/crud", new { name = "crud", loadBalancing = "Random", backends = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        pool = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/pools/crud");
        Assert.Equal("Random", pool.GetProperty("loadBalancing").GetString());
        Assert.Equal(JsonValueKind.Null, pool.GetProperty("healthCheck").ValueKind);

        Assert.Equal(HttpStatusCode.NoContent, (await host.Api.DeleteAsync("/api/v1/pools/crud")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.GetAsync("/api/v1/pools/crud")).StatusCode);
    }

    public static TheoryData<string, string, string> InvalidPools => new()
    {
        { """{"name":"p1","backends":[{"address":"not a url"}]}""", "backends[0].address", "not an absolute http" },
        { """{"name":"p2","backends":[{"address":"ftp://10.0.0.1"}]}""", "backends[0].address", "not an absolute http" },
        { """{"name":"p3","backends":[{"address":"http://10.0.0.1","weight":0}]}""", "backends[0].weight", "between 1 and 100" },
        { """{"name":"p4","backends":[{"address":"http://10.0.0.1","weight":101}]}""", "backends[0].weight", "between 1 and 100" },
        { """{"name":"Not A Slug","backends":[]}""", "name", "lower-case letters" },
        { """{"name":"p5","loadBalancing":"Fastest","backends":[]}""", "loadBalancing", "Unknown policy" },
        { """{"name":"p6","healthCheck":{"path":"health","intervalSeconds":0},"backends":[]}""", "healthCheck.path", "must start with '/'" },
        { """{"name":"p7","backends":[{"address":"http://10.0.0.1","wieght":2}]}""", "backends[0].wieght", "Unknown member" },
        { """{"name":"p8","backends":[{"address":"http://10.0.0.1","weight":"heavy"}]}""", "backends[0].weight", "wrong type" },
        { """{"name":"p9","backends":[""", "body", "not valid JSON" },
        { """{"name":"p10","backends":[{"address":"http://10.0.0.1"},{"address":"http://10.0.0.1/"}]}""", "backends[1].address", "already a backend" },
    };

    [Theory]
    [MemberData(nameof(InvalidPools))]
    public async Task Invalid_pools_get_400_with_a_message_on_the_field_and_change_nothing(string json, string field, string message)
    {
        var revision = await RevisionAsync();
        using var response = await host.Api.PostAsync("/api/v1/pools", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()).ToArray();
        Assert.Contains(messages, m => m!.Contains(message, StringComparison.Ordinal));
        Assert.Equal(revision, await RevisionAsync());
    }

    public static TheoryData<string, string, string> InvalidRoutes => new()
    {
        { """{"name":"r1","targets":[]}""", "targets", "At least one target" },
        { """{"name":"r2"}""", "targets", "At least one target" },
        { """{"name":"r3","targets":[{"pool":"no-such-pool","weight":1}]}""", "targets[0].pool", "no pool named 'no-such-pool'" },
        { """{"name":"r4","targets":[{"pool":"api-routes","weight":0}]}""", "targets", "add up to more than 0" },
        { """{"name":"r5","path":"api","targets":[{"pool":"api-routes","weight":1}]}""", "path", "starts with '/'" },
        { """{"name":"r6","path":"/a/{id}","targets":[{"pool":"api-routes","weight":1}]}""", "path", "'{'" },
        { """{"name":"r7","hosts":["bad host"],"targets":[{"pool":"api-routes","weight":1}]}""", "hosts[0]", "not a host name" },
        { """{"name":"r8","methods":["G E T"],"targets":[{"pool":"api-routes","weight":1}]}""", "methods[0]", "not an HTTP method" },
        { """{"name":"r9","targets":[{"pool":"api-routes","weight":1},{"pool":"api-routes","weight":1}]}""", "targets[1].pool", "already a target" },
    };

    [Theory]
    [MemberData(nameof(InvalidRoutes))]
    public async Task Invalid_routes_get_400_with_a_message_on_the_field_and_change_nothing(string json, string field, string message)
    {
        await EnsurePoolAsync("api-routes");
        var revision = await RevisionAsync();
        using var response = await host.Api.PostAsync("/api/v1/routes", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()).ToArray();
        Assert.Contains(messages, m => m!.Contains(message, StringComparison.Ordinal));
        Assert.Equal(revision, await RevisionAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_gets_415()
    {
        using var response = await host.Api.PostAsync("/api/v1/pools", new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("GET", "/api/v1/pools/nope")]
    [InlineData("PUT", "/api/v1/pools/nope")]
    [InlineData("DELETE", "/api/v1/pools/nope")]
    [InlineData("GET", "/api/v1/routes/nope")]
    [InlineData("PUT", "/api/v1/routes/nope")]
    [InlineData("DELETE", "/api/v1/routes/nope")]
    public async Task Unknown_names_get_404(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "PUT")
        {
            var body = path.Contains("/pools/", StringComparison.Ordinal) ? """{"backends":[]}""" : """{"targets":[{"pool":"x","weight":1}]}""";
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await host.Api.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("nope", (await ProblemAsync(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Duplicate_names_and_deleting_a_pool_in_use_get_409_and_change_nothing()
    {
        await EnsurePoolAsync("dup");
        var revision = await RevisionAsync();
        using var duplicate = await host.Api.PostAsJsonAsync("/api/v1/pools", new { name = "dup", backends = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("already exists", (await ProblemAsync(duplicate)).GetProperty("errors").GetProperty("name")[0].GetString());

        await host.AddRouteAsync(new { name = "uses-dup", targets = new[] { new { pool = "dup", weight = 1 } } });
        revision = await RevisionAsync();
        using var inUse = await host.Api.DeleteAsync("/api/v1/pools/dup");
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Contains("'uses-dup'", (await ProblemAsync(inUse)).GetProperty("detail").GetString());
        Assert.Equal(revision, await RevisionAsync());
        Assert.Equal(HttpStatusCode.OK, (await host.Api.GetAsync("/api/v1/pools/dup")).StatusCode);

        using var duplicateRoute = await host.Api.PostAsJsonAsync("/api/v1/routes", new { name = "uses-dup", targets = new[] { new { pool = "dup", weight = 1 } } });
        Assert.Equal(HttpStatusCode.Conflict, duplicateRoute.StatusCode);
    }

    [Fact]
    public async Task Renaming_through_put_is_refused()
    {
        await EnsurePoolAsync("keep-name");
        using var response = await host.Api.PutAsJsonAsync("/api/v1/pools/keep-name", new { name = "other-name", backends = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cannot be changed", (await ProblemAsync(response)).GetProperty("errors").GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task Export_then_import_gives_back_the_same_configuration_and_a_bad_import_changes_nothing()
    {
        await EnsurePoolAsync("io-a");
        await host.AddPoolAsync(new
        {
            name = "io-b",
            loadBalancing = "FirstAvailable",
            healthCheck = new { path = "/up", intervalSeconds = 3, timeoutSeconds = 1, unhealthyAfter = 2, healthyAfter = 3 },
            backends = new[] { new { address = "http://10.1.0.2:80", weight = 3, enabled = false }, new { address = "http://10.1.0.1:80", weight = 1, enabled = true } },
        });
        await host.AddRouteAsync(new { name = "io", hosts = new[] { "io.test", "*.io.test" }, path = "/shop", methods = new[] { "GET" }, order = 4, sticky = true, targets = new[] { new { pool = "io-a", weight = 80 }, new { pool = "io-b", weight = 20 } } });

        var exported = await host.Api.GetStringAsync("/api/v1/config");
        using var imported = await host.Api.PutAsync("/api/v1/config", new StringContent(exported, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(exported, await host.Api.GetStringAsync("/api/v1/config"));

        var revision = await RevisionAsync();
        var broken = exported.Replace("\"pool\":\"io-b\"", "\"pool\":\"io-missing\"", StringComparison.Ordinal);
        using var refused = await host.Api.PutAsync("/api/v1/config", new StringContent(broken, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await ProblemAsync(refused)).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith("routes[", StringComparison.Ordinal) && e.Name.EndsWith("].pool", StringComparison.Ordinal));
        Assert.Equal(exported, await host.Api.GetStringAsync("/api/v1/config"));
        Assert.Equal(revision, await RevisionAsync());
    }

    [Fact]
    public async Task Every_change_is_audited_with_actor_and_before_and_after()
    {
        await EnsurePoolAsync("audited");
        using var update = await host.Api.PutAsJsonAsync("/api/v1/pools/audited", new { backends = new[] { new { address = "http://10.9.9.9" } } });
        update.EnsureSuccessStatusCode();

        var entries = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/audit?take=5");
        var latest = entries[0];
        Assert.Equal("Update", latest.GetProperty("action").GetString());
        Assert.Equal("pool", latest.GetProperty("entityType").GetString());
        Assert.Equal("audited", latest.GetProperty("entityName").GetString());
        Assert.Equal("token:bootstrap", latest.GetProperty("actor").GetString());
        Assert.Equal("http://127.0.0.1:9", latest.GetProperty("before").GetProperty("backends")[0].GetProperty("address").GetString());
        Assert.Equal("http://10.9.9.9", latest.GetProperty("after").GetProperty("backends")[0].GetProperty("address").GetString());
        Assert.True(entries.GetArrayLength() <= 5);

        Assert.Equal(HttpStatusCode.BadRequest, (await host.Api.GetAsync("/api/v1/audit?take=0")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        var document = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        Assert.Equal("Appliance API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/pools", out _));
        Assert.True(paths.TryGetProperty("/api/v1/routes/{name}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/health", out _));
    }

    private async Task EnsurePoolAsync(string name)
    {
        if ((await host.Api.GetAsync($"/api/v1/pools/{name}")).StatusCode == HttpStatusCode.NotFound)
        {
            await host.AddPoolAsync(new { name, backends = new[] { new { address = "http://127.0.0.1:9" } } });
        }
    }

    private Task<long> RevisionAsync() => host.App.Services.GetRequiredService<Appliance.Data.Store.ConfigStore>().GetRevisionAsync();

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
