using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Security;
using Bunit;

namespace Appliance.Web.Tests.Components.Security;

public sealed class ShieldFormsTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>
{
    [Fact]
    public async Task An_access_list_with_a_bad_range_names_it_and_a_good_one_is_saved_in_order()
    {
        SignIn();
        RenderPopoverHost();
        var name = UniqueName("office");
        AccessListSpec? saved = null;
        var form = Render<AccessListForm>(p => p.Add(f => f.Saved, (AccessListSpec l) => saved = l));

        form.Find("#list-name").Change(name);
        form.Find("#list-rules").Change("allow 203.0.113.0/24\ndeny 300.0.0.0/8");
        form.Find("[data-testid=save-list]").Click();
        form.WaitForAssertion(() => Assert.Contains("'300.0.0.0/8' is not an IPv4 or IPv6 address", form.Find("[data-testid=access-list-form]").TextContent));
        Assert.DoesNotContain(await Database.Store.GetAccessListsAsync(), l => l.Name == name);

        form.Find("#list-rules").Change("allow 203.0.113.0/24\ndeny 2001:db8::/32");
        form.Find("[data-testid=save-list]").Click();
        form.WaitForAssertion(() => Assert.NotNull(saved));
        var stored = Assert.Single(await Database.Store.GetAccessListsAsync(), l => l.Name == name);
        Assert.Equal(["Allow 203.0.113.0/24", "Deny 2001:db8::/32"], stored.Rules.Select(r => $"{r.Action} {r.Cidr}"));
    }

    [Fact]
    public async Task A_rate_limit_with_zero_permits_gets_the_stores_message_and_a_good_one_is_saved()
    {
        SignIn();
        var name = UniqueName("login");
        RateLimitSpec? saved = null;
        var form = Render<RateLimitForm>(p => p.Add(f => f.Saved, (RateLimitSpec l) => saved = l));

        form.Find("#limit-name").Change(name);
        form.Find("#limit-permits").Change("0");
        form.Find("[data-testid=save-limit]").Click();
        form.WaitForAssertion(() => Assert.Contains("Permits must be between 1 and 1000000.", form.Find("[data-testid=rate-limit-form]").TextContent));

        form.Find("#limit-permits").Change("5");
        form.Find("#limit-period").Change("60");
        form.Find("#limit-burst").Change("5");
        form.Find("[data-testid=save-limit]").Click();
        form.WaitForAssertion(() => Assert.NotNull(saved));
        var stored = Assert.Single(await Database.Store.GetRateLimitsAsync(), l => l.Name == name);
        Assert.Equal((5, 60, 5), (stored.Permits, stored.PeriodSeconds, stored.Burst));
    }
}
