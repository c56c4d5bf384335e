using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Security;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.RoundTrip;

[Collection(FormRoundTrips.Name)]
public sealed class RateLimitFormRoundTripTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task Saving_the_new_limit_form_under_an_existing_name_changes_nothing()
    {
        var name = await CreateLimitWithEveryFieldAsync();
        var before = await GetJsonAsync("/api/v1/rate-limits", name);

        var form = Render<RateLimitForm>();
        form.Find("#limit-name").Change(name);
        form.Find("[data-testid=save-limit]").Click();

        form.WaitForAssertion(() => Assert.Contains($"A rate limit named '{name}' already exists", form.Find("[data-testid=rate-limit-form]").TextContent));
        Assert.Equal(before, await GetJsonAsync("/api/v1/rate-limits", name));
    }

    [Fact]
    public async Task Saving_a_rate_limit_set_through_the_API_unchanged_leaves_its_GET_identical()
    {
        var name = await CreateLimitWithEveryFieldAsync();
        var before = await GetJsonAsync("/api/v1/rate-limits", name);
        var limit = (await Store.RateLimits.ListAsync()).Single(l => l.Name == name);
        RateLimitSpec? saved = null;

        var form = Render<RateLimitForm>(p => p.Add(f => f.Limit, limit).Add(f => f.Saved, (RateLimitSpec l) => saved = l));
        form.Find("[data-testid=save-limit]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(before, await GetJsonAsync("/api/v1/rate-limits", name));
    }

    [Fact]
    public async Task The_security_pages_edit_button_opens_the_stored_limit_and_saving_it_changes_nothing()
    {
        var name = await CreateLimitWithEveryFieldAsync();
        var before = await GetJsonAsync("/api/v1/rate-limits", name);

        var page = Render<SecurityPage>();
        page.Find($"button[aria-label='Edit rate limit {name}']").Click();
        page.WaitForAssertion(() => Assert.Contains($"Edit rate limit {name}", page.Find("[data-testid=rate-limit-form]").TextContent));
        page.Find("[data-testid=save-limit]").Click();

        page.WaitForAssertion(() => Assert.Contains("New rate limit", page.Find("[data-testid=rate-limit-form]").TextContent));
        Assert.Equal(before, await GetJsonAsync("/api/v1/rate-limits", name));
    }

    // Every member away from its default, so that any field a form drops shows up.
    private async Task<string> CreateLimitWithEveryFieldAsync()
    {
        var name = UniqueName("full");
        await PostAsync("/api/v1/rate-limits", new { name, global = true, permits = 7, periodSeconds = 30, burst = 9, maxConcurrent = 3 });
        return name;
    }
}
