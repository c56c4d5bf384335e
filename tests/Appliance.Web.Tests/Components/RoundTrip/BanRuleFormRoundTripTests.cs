using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Security;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.RoundTrip;

/// <summary>The ban-rule form against a running appliance: what the API set comes back unchanged, and a new rule gets the API's defaults.</summary>
[Collection(FormRoundTrips.Name)]
public sealed class BanRuleFormRoundTripTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task Saving_a_ban_rule_set_through_the_API_unchanged_leaves_its_GET_identical()
    {
        var name = UniqueName("every");
        await PostAsync("/api/v1/ban-rules", new { name, enabled = false, statuses = new[] { 401, 403, 429 }, paths = new[] { "/.env*", "/.git/**", "/wp-*.php" }, threshold = 12, windowSeconds = 90, banSeconds = 7200 });
        var before = await GetJsonAsync("/api/v1/ban-rules", name);
        var rule = (await Store.BanRules.GetAsync(name))!;
        BanRuleSpec? saved = null;

        var form = Render<BanRuleForm>(p => p.Add(f => f.Rule, rule).Add(f => f.Saved, (BanRuleSpec r) => saved = r));
        await form.InvokeAsync(() => form.Find("[data-testid=save-ban-rule]").Click());

        form.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(before, await GetJsonAsync("/api/v1/ban-rules", name));
    }

    [Fact]
    public async Task A_new_ban_rule_from_the_form_has_the_APIs_defaults()
    {
        var (fromForm, fromApi) = (UniqueName("form"), UniqueName("api"));
        var form = Render<BanRuleForm>();
        form.Find("#ban-rule-name").Change(fromForm);
        form.Find("#ban-rule-statuses").Change("404");
        await form.InvokeAsync(() => form.Find("[data-testid=save-ban-rule]").Click());
        await PostAsync("/api/v1/ban-rules", new { name = fromApi, statuses = new[] { 404 } });

        await Eventually.TrueAsync(async () => await Store.BanRules.GetAsync(fromForm) is not null, TimeSpan.FromSeconds(10), () => form.Find("[data-testid=ban-rule-form]").TextContent);
        Assert.Equal(
            (await GetJsonAsync("/api/v1/ban-rules", fromApi)).Replace(fromApi, "NAME", StringComparison.Ordinal),
            (await GetJsonAsync("/api/v1/ban-rules", fromForm)).Replace(fromForm, "NAME", StringComparison.Ordinal));
    }
}
