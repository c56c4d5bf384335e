using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Security;

/// <summary>No Appliance:GeoIP:DatabasePath: country rules are refused with a message that says what to set.</summary>
public sealed class CountryRulesWithoutDatabaseTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    [Fact]
    public async Task A_country_rule_is_refused_by_the_API_and_by_an_import_naming_the_setting()
    {
        using var created = await host.Api.PostAsJsonAsync("/api/v1/access-lists", new { name = "geo", rules = new object[] { new { action = "Deny", country = "GB" } } });
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        var problem = await created.Content.ReadFromJsonAsync<JsonElement>();
        var message = problem.GetProperty("errors").GetProperty("rules[0].country")[0].GetString();
        Assert.StartsWith("Country rules need Appliance:GeoIP:DatabasePath", message);
        var lists = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/access-lists");
        Assert.DoesNotContain(lists.EnumerateArray(), l => l.GetProperty("name").GetString() == "geo");

        var document = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/config");
        var withCountry = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(document.GetRawText())!;
        withCountry["accessLists"] = JsonSerializer.SerializeToElement(new[] { new { name = "geo", rules = new object[] { new { action = "Deny", country = "GB" } } } });
        using var imported = await host.Api.PutAsJsonAsync("/api/v1/config", withCountry);
        Assert.Equal(HttpStatusCode.BadRequest, imported.StatusCode);
        Assert.Contains("Appliance:GeoIP:DatabasePath", await imported.Content.ReadAsStringAsync());

        // Address rules are unaffected, and the status says why country rules are off.
        using var addresses = await host.Api.PostAsJsonAsync("/api/v1/access-lists", new { name = "addresses", rules = new object[] { new { action = "Deny", cidr = "81.2.69.0/24" } } });
        Assert.Equal(HttpStatusCode.Created, addresses.StatusCode);
        var status = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/security/geoip");
        Assert.False(status.GetProperty("loaded").GetBoolean());
        Assert.Contains("Appliance:GeoIP:DatabasePath", status.GetProperty("problem").GetString());
        var match = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/access-lists/addresses/match?ip=81.2.69.142");
        Assert.Equal(JsonValueKind.Null, match.GetProperty("country").ValueKind);
    }
}
