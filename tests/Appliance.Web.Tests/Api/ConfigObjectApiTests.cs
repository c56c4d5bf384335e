using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Api;

/// <summary>Every kind of configuration object has the same endpoints with the same answers; the store gives every refusal.</summary>
public sealed class ConfigObjectApiTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    public static TheoryData<string, string, string> Kinds => new()
    {
        { "/api/v1/pools", """{"name":"NAME","backends":[]}""", "A pool" },
        { "/api/v1/routes", """{"name":"NAME","targets":[{"pool":"objects-api","weight":1}]}""", "A route" },
        { "/api/v1/cache-rules", """{"name":"NAME","match":"/static"}""", "A cache rule" },
        { "/api/v1/access-lists", """{"name":"NAME","rules":[]}""", "An access list" },
        { "/api/v1/rate-limits", """{"name":"NAME"}""", "A rate limit" },
        { "/api/v1/error-pages", """{"name":"NAME","status":504,"html":"<p>late</p>"}""", "An error page" },
        { "/api/v1/streams", """{"name":"NAME","sniHosts":["objects-api.test"],"pool":"objects-api"}""", "A stream" },
        { "/api/v1/alerts/channels", """{"name":"NAME","webhook":{"url":"https://hooks.example.com/objects"}}""", "An alert channel" },
        { "/api/v1/alerts/rules", """{"name":"NAME","events":["BackendDown"],"channels":["objects-api"]}""", "An alert rule" },
        { "/api/v1/ban-rules", """{"name":"NAME","statuses":[404]}""", "A ban rule" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_kind_is_created_at_its_location_refused_when_taken_unknown_when_missing_and_deleted(string path, string body, string aNoun)
    {
        await EnsurePoolAsync("objects-api");
        await EnsureChannelAsync("objects-api");
        var name = "object-" + path[(path.LastIndexOf('/') + 1)..];

        using (var created = await PostAsync(path, body.Replace("NAME", name, StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal($"{path}/{name}", created.Headers.Location?.ToString());
        }

        var configuration = await host.Api.GetStringAsync("/api/v1/config");
        using (var taken = await PostAsync(path, body.Replace("NAME", name, StringComparison.Ordinal)))
        {
            // Every kind says it in the same words, on the name field, as the forms show it.
            Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
            var problem = await ProblemAsync(taken);
            Assert.Equal($"{aNoun} named '{name}' already exists.", Assert.Single(problem.GetProperty("errors").GetProperty("name").EnumerateArray()).GetString());
            Assert.Equal($"{aNoun} named '{name}' already exists.", problem.GetProperty("detail").GetString());
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

    [Fact]
    public async Task A_certificate_upload_or_request_under_a_taken_name_gets_the_same_409_as_every_kind()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=taken.objects.test", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var upload = new { name = "taken-cert", pem = certificate.ExportCertificatePem(), key = key.ExportPkcs8PrivateKeyPem() };
        using (var first = await host.Api.PostAsJsonAsync("/api/v1/certificates", upload))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        }

        var stored = await host.Api.GetStringAsync("/api/v1/certificates/taken-cert");
        using var again = await host.Api.PostAsJsonAsync("/api/v1/certificates", upload);
        using var requested = await host.Api.PostAsJsonAsync("/api/v1/certificates/acme", new { name = "taken-cert", hostnames = new[] { "other.objects.test" } });

        // The same sentence; an upload's also says how to replace the one there.
        foreach (var (taken, expected) in new[]
        {
            (again, "A certificate named 'taken-cert' already exists; replace it with PUT /api/v1/certificates/taken-cert (Replace on the Certificates page)."),
            (requested, "A certificate named 'taken-cert' already exists."),
        })
        {
            Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
            var problem = await ProblemAsync(taken);
            Assert.Equal(expected, Assert.Single(problem.GetProperty("errors").GetProperty("name").EnumerateArray()).GetString());
        }

        Assert.Equal(stored, await host.Api.GetStringAsync("/api/v1/certificates/taken-cert"));
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

    private async Task EnsureChannelAsync(string name)
    {
        if ((await host.Api.GetAsync($"/api/v1/alerts/channels/{name}")).StatusCode == HttpStatusCode.NotFound)
        {
            using var created = await PostAsync("/api/v1/alerts/channels", $$$"""{"name":"{{{name}}}","webhook":{"url":"https://hooks.example.com/{{{name}}}"}}""");
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
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
