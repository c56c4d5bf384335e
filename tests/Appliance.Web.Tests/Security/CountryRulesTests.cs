using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Security;

/// <summary>Country rules with MaxMind's test database, clients arriving through a trusted proxy on loopback.</summary>
public sealed class CountryRulesTests(GeoIpHost host) : IClassFixture<GeoIpHost>, IAsyncLifetime
{
    private TestBackend _backend = null!;

    public async Task InitializeAsync()
    {
        _backend = await TestBackend.StartAsync("geo");
        using var existing = await host.Api.GetAsync("/api/v1/pools/geo");
        if (existing.StatusCode == HttpStatusCode.NotFound)
        {
            await host.AddPoolAsync(new { name = "geo", backends = new[] { new { address = _backend.Address } } });
        }
        else
        {
            (await host.Api.PutAsJsonAsync("/api/v1/pools/geo", new { name = "geo", backends = new[] { new { address = _backend.Address } } })).EnsureSuccessStatusCode();
        }
    }

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Fact]
    public async Task A_country_deny_turns_away_IPv4_and_IPv6_clients_of_that_country_and_lets_others_through()
    {
        await SaveAsync(new
        {
            name = "no-gb-kr",
            rules = new object[] { new { action = "Deny", country = "gb" }, new { action = "Deny", country = "KR" } },
        });
        await host.AddRouteAsync(new { name = "geo", hosts = new[] { "geo.test" }, targets = new[] { new { pool = "geo", weight = 1 } }, accessList = "no-gb-kr" });
        await host.WaitForLiveConfigAsync();

        Assert.Equal(HttpStatusCode.Forbidden, await StatusFromAsync("geo.test", "81.2.69.142"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusFromAsync("geo.test", "2001:220::1"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusFromAsync("geo.test", "[2001:220::1]:4711"));
        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync("geo.test", "89.160.20.115"));
        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync("geo.test", "2001:218::1"));
        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync("geo.test", "192.0.2.1"));

        // The nearest hop decides: a country claimed further left is the client's own word.
        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync("geo.test", "81.2.69.142, 89.160.20.115"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusFromAsync("geo.test", "89.160.20.115, 81.2.69.142"));
        Assert.Equal(4, _backend.Requests);

        // Stored as the normaliser spells it; what turned the clients away is told by country.
        var lists = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/access-lists");
        var stored = lists.EnumerateArray().Single(l => l.GetProperty("name").GetString() == "no-gb-kr");
        Assert.Equal("GB", stored.GetProperty("rules")[0].GetProperty("country").GetString());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("rules")[0].GetProperty("cidr").ValueKind);
        var blocked = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/security/blocked");
        Assert.Contains(blocked.GetProperty("latest").EnumerateArray(), b => b.GetProperty("detail").GetString() == "no-gb-kr: rule 2 (country KR)");
        using var scraper = new HttpClient { BaseAddress = host.Api.BaseAddress };
        var metrics = await scraper.GetStringAsync("/metrics");
        Assert.Matches("appliance_country_blocked_requests_total\\{country=\"GB\"\\} [2-9]", metrics);
        Assert.Contains("appliance_geoip_database_loaded 1", metrics);
    }

    [Fact]
    public async Task The_match_tool_shows_the_address_s_country_and_the_country_rule_that_decides()
    {
        await SaveAsync(new { name = "only-se", defaultAction = "Deny", rules = new object[] { new { action = "Allow", country = "SE" } } });

        var sweden = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/access-lists/only-se/match?ip=89.160.20.115");
        Assert.Equal("SE", sweden.GetProperty("country").GetString());
        Assert.Equal("Allow", sweden.GetProperty("action").GetString());
        Assert.Equal("SE", sweden.GetProperty("matched").GetProperty("country").GetString());

        var korea = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/access-lists/only-se/match?ip=::ffff:81.2.69.142");
        Assert.Equal("GB", korea.GetProperty("country").GetString());
        Assert.True(korea.GetProperty("byDefault").GetBoolean());

        var nowhere = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/access-lists/only-se/match?ip=10.1.2.3");
        Assert.Equal(JsonValueKind.Null, nowhere.GetProperty("country").ValueKind);
        Assert.Equal("Deny", nowhere.GetProperty("action").GetString());
    }

    [Theory]
    [InlineData("{\"action\":\"Deny\",\"country\":\"GBR\"}", "rules[0].country")]
    [InlineData("{\"action\":\"Deny\",\"country\":\"G1\"}", "rules[0].country")]
    [InlineData("{\"action\":\"Deny\",\"country\":\"GB\",\"cidr\":\"10.0.0.0/8\"}", "rules[0].country")]
    [InlineData("{\"action\":\"Deny\"}", "rules[0].cidr")]
    [InlineData("{\"action\":\"Deny\",\"country\":\" \",\"cidr\":\"\"}", "rules[0].cidr")]
    public async Task A_rule_names_exactly_one_valid_country_or_range(string rule, string field)
    {
        using var content = new StringContent($"{{\"name\":\"bad-geo\",\"rules\":[{rule}]}}", System.Text.Encoding.UTF8, "application/json");
        using var response = await host.Api.PostAsync("/api/v1/access-lists", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_database_replaced_on_disk_is_read_again_without_a_restart()
    {
        await SaveAsync(new { name = "no-jp", rules = new object[] { new { action = "Deny", country = "JP" } } });
        await Eventually.TrueAsync(async () => await DatabaseTypeAsync() == "GeoIP2-Country", TimeSpan.FromSeconds(20), "the first database");

        host.ReplaceDatabase("GeoLite2-Country-Test.mmdb");
        await Eventually.TrueAsync(async () => await DatabaseTypeAsync() == "GeoLite2-Country", TimeSpan.FromSeconds(20), "the replaced database to be read");
        var match = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/access-lists/no-jp/match?ip=2001:218::1");
        Assert.Equal("JP", match.GetProperty("country").GetString());
        Assert.Equal("Deny", match.GetProperty("action").GetString());

        host.ReplaceDatabase("GeoIP2-Country-Test.mmdb");
        await Eventually.TrueAsync(async () => await DatabaseTypeAsync() == "GeoIP2-Country", TimeSpan.FromSeconds(20), "the database put back");
    }

    private async Task<string?> DatabaseTypeAsync()
    {
        var status = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/security/geoip");
        Assert.True(status.GetProperty("loaded").GetBoolean());
        return status.GetProperty("databaseType").GetString();
    }

    private async Task SaveAsync(object list)
    {
        using var response = await host.Api.PostAsJsonAsync("/api/v1/access-lists", list);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpStatusCode> StatusFromAsync(string hostName, string forwardedFor)
    {
        using var client = host.CreateProxyClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = hostName;
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
