using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Cache;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.RoundTrip;

[Collection(FormRoundTrips.Name)]
public sealed class CacheRuleFormRoundTripTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task Saving_the_new_rule_form_under_an_existing_name_changes_nothing()
    {
        var name = await CreateRuleWithEveryFieldAsync();
        var before = await GetJsonAsync("/api/v1/cache-rules", name);

        var routes = (await Store.Routes.ListAsync()).Select(r => r.Name).ToArray();
        var form = Render<CacheRuleForm>(p => p.Add(f => f.Routes, routes));
        form.Find("#rule-name").Change(name);
        form.Find("[data-testid=save-rule]").Click();

        form.WaitForAssertion(() => Assert.Contains($"A cache rule named '{name}' already exists.", form.Find("[data-testid=cache-rule-form]").TextContent));
        Assert.Equal(before, await GetJsonAsync("/api/v1/cache-rules", name));
    }

    [Fact]
    public async Task Saving_a_cache_rule_set_through_the_API_unchanged_leaves_its_GET_identical()
    {
        var name = await CreateRuleWithEveryFieldAsync();
        var before = await GetJsonAsync("/api/v1/cache-rules", name);
        var rule = (await Store.CacheRules.ListAsync()).Single(r => r.Name == name);
        var routes = (await Store.Routes.ListAsync()).Select(r => r.Name).ToArray();
        CacheRuleSpec? saved = null;

        var form = Render<CacheRuleForm>(p => p.Add(f => f.Rule, rule).Add(f => f.Routes, routes).Add(f => f.Saved, (CacheRuleSpec r) => saved = r));
        Assert.Contains($"{1_000_000:N0} bytes", form.Find("[data-testid=cache-rule-form]").TextContent);
        form.Find("[data-testid=save-rule]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(before, await GetJsonAsync("/api/v1/cache-rules", name));
    }

    [Fact]
    public async Task The_cache_pages_edit_button_opens_the_stored_rule_and_a_new_size_is_taken_in_KiB()
    {
        var name = await CreateRuleWithEveryFieldAsync();
        var expected = System.Text.Json.Nodes.JsonNode.Parse(await GetJsonAsync("/api/v1/cache-rules", name))!;
        expected["maxObjectBytes"] = 512 * 1024;

        var page = Render<CachePage>();
        page.Find($"button[aria-label='Edit cache rule {name}']").Click();
        page.WaitForAssertion(() => Assert.Contains($"Edit rule {name}", page.Find("[data-testid=cache-rule-form]").TextContent));
        page.Find("#rule-max").Change("512");
        page.Find("[data-testid=save-rule]").Click();

        page.WaitForAssertion(() => Assert.Contains("Add a rule", page.Find("[data-testid=cache-rule-form]").TextContent));
        Assert.Equal(expected.ToJsonString(), await GetJsonAsync("/api/v1/cache-rules", name));
    }

    // Every member away from its default, so that any field a form drops shows up; the size is no whole number of KiB.
    private async Task<string> CreateRuleWithEveryFieldAsync()
    {
        var (name, route, pool) = (UniqueName("full"), UniqueName("route"), UniqueName("pool"));
        await PostAsync("/api/v1/pools", new { name = pool, backends = new[] { new { address = "http://127.0.0.1:9001" } } });
        await PostAsync("/api/v1/routes", new { name = route, path = $"/{route}", targets = new[] { new { pool } } });
        await PostAsync("/api/v1/cache-rules", new
        {
            name,
            route,
            match = "*.css",
            mode = CacheModes.DefaultTtl,
            defaultTtlSeconds = 3600,
            maxObjectBytes = 1_000_000,
            includeQueryString = false,
            heuristicMaxSeconds = 900,
        });
        return name;
    }
}
