using System.Text.Json.Nodes;
using Appliance.Web.Components.Pages.Cache;
using Appliance.Web.Components.Pages.Pools;
using Appliance.Web.Components.Pages.Routes;
using Appliance.Web.Components.Pages.Security;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.RoundTrip;

/// <summary>
/// A new object saved from a form with only its required fields filled is what the API makes of a
/// POST with those fields alone: every other member has the API's default, not one the form made up.
/// </summary>
[Collection(FormRoundTrips.Name)]
public sealed class NewFormDefaultsTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task A_new_rate_limit_has_the_APIs_defaults()
    {
        var (fromForm, fromApi) = (UniqueName("form"), UniqueName("api"));
        var form = Render<RateLimitForm>();
        form.Find("#limit-name").Change(fromForm);
        form.Find("[data-testid=save-limit]").Click();
        await PostAsync("/api/v1/rate-limits", new { name = fromApi });

        await AssertSameButNameAsync("/api/v1/rate-limits", fromForm, fromApi, () => form.Find("[data-testid=rate-limit-form]").TextContent);
    }

    [Fact]
    public async Task A_new_access_list_has_the_APIs_defaults()
    {
        var (fromForm, fromApi) = (UniqueName("form"), UniqueName("api"));
        var form = Render<AccessListForm>();
        form.Find("#list-name").Change(fromForm);
        form.Find("[data-testid=save-list]").Click();
        await PostAsync("/api/v1/access-lists", new { name = fromApi });

        await AssertSameButNameAsync("/api/v1/access-lists", fromForm, fromApi, () => form.Find("[data-testid=access-list-form]").TextContent);
    }

    [Fact]
    public async Task A_new_cache_rule_has_the_APIs_defaults_but_for_its_narrower_match()
    {
        var (fromForm, fromApi) = (UniqueName("form"), UniqueName("api"));
        var form = Render<CacheRuleForm>();
        form.Find("#rule-name").Change(fromForm);
        form.Find("[data-testid=save-rule]").Click();
        await PostAsync("/api/v1/cache-rules", new { name = fromApi, match = "/static" });

        await AssertSameButNameAsync("/api/v1/cache-rules", fromForm, fromApi, () => form.Find("[data-testid=cache-rule-form]").TextContent);
    }

    [Fact]
    public async Task A_new_pool_has_the_APIs_defaults_and_the_health_check_it_offers()
    {
        var (fromForm, fromApi) = (UniqueName("form"), UniqueName("api"));
        var form = Render<PoolForm>();
        form.Find("#pool-name").Change(fromForm);
        form.Find("#backend-0-address").Change("http://127.0.0.1:9001");
        form.Find("[data-testid=save]").Click();
        await PostAsync("/api/v1/pools", new { name = fromApi, healthCheck = new { }, backends = new[] { new { address = "http://127.0.0.1:9001" } } });

        await AssertSameButNameAsync("/api/v1/pools", fromForm, fromApi, () => form.Find("[data-testid=pool-form]").TextContent);
    }

    [Fact]
    public async Task A_new_route_has_the_APIs_defaults_and_the_target_it_offers()
    {
        var pool = UniqueName("pool");
        await PostAsync("/api/v1/pools", new { name = pool, backends = new[] { new { address = "http://127.0.0.1:9001" } } });
        var (fromForm, fromApi) = (UniqueName("form"), UniqueName("api"));
        var form = Render<RouteForm>();
        form.Find("#route-name").Change(fromForm);
        form.Find("#route-path").Change($"/{fromForm}");
        var offered = form.Find("#target-0-pool").GetAttribute("value");
        form.Find("[data-testid=save]").Click();
        await PostAsync("/api/v1/routes", new { name = fromApi, path = $"/{fromForm}", targets = new[] { new { pool = offered } } });

        await AssertSameButNameAsync("/api/v1/routes", fromForm, fromApi, () => form.Find("[data-testid=route-form]").TextContent);
    }

    // The form saves asynchronously; its text says why when it never does.
    private async Task AssertSameButNameAsync(string path, string fromForm, string fromApi, Func<string> formText)
    {
        await Eventually.TrueAsync(
            async () => JsonNode.Parse(await Host.Api.GetStringAsync(path))!.AsArray().Any(n => (string?)n!["name"] == fromForm),
            TimeSpan.FromSeconds(10),
            () => $"the form to save '{fromForm}'; it shows: {formText()}");
        var saved = JsonNode.Parse(await GetJsonAsync(path, fromForm))!;
        var posted = JsonNode.Parse(await GetJsonAsync(path, fromApi))!;
        saved["name"] = "";
        posted["name"] = "";
        Assert.Equal(posted.ToJsonString(), saved.ToJsonString());
    }
}
