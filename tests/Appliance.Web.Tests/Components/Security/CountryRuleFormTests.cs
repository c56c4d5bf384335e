using Appliance.Data.Model;
using Appliance.Engine.GeoIp;
using Appliance.Web.Components.Pages.Security;
using Appliance.Web.Tests.Security;
using Bunit;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Web.Tests.Components.Security;

public sealed class CountryRuleFormTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>
{
    [Fact]
    public async Task A_country_rule_typed_without_a_database_gets_the_stores_message_and_nothing_is_saved()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("geo");
        var form = Render<AccessListForm>();

        form.Find("#list-name").Change(name);
        form.Find("#list-rules").Change("allow 203.0.113.0/24\ndeny country gb");
        form.Find("[data-testid=save-list]").Click();

        form.WaitForAssertion(() => Assert.Contains("Country rules need Appliance:GeoIP:DatabasePath", form.Find("[data-testid=access-list-form]").TextContent));
        Assert.DoesNotContain(await Database.Store.AccessLists.ListAsync(), l => l.Name == name);
    }

    [Fact]
    public void Country_rules_are_shown_as_lines_kept_as_they_are_and_read_back_from_changed_text()
    {
        var stored = new AccessListSpec
        {
            Name = "geo",
            Rules = [new AccessRuleSpec { Action = AccessActions.Deny, Country = "GB" }, new AccessRuleSpec { Action = AccessActions.Allow, Cidr = "10.0.0.0/8" }],
        };
        var model = new AccessListFormModel(stored);

        Assert.Equal("Deny country GB\nAllow 10.0.0.0/8", model.Rules);
        Assert.Same(stored.Rules, model.ToSpec().Rules);

        model.Rules = "deny COUNTRY jp\nallow 2001:db8::/32\ndeny country";
        Assert.Equal(
            [new AccessRuleSpec { Action = AccessActions.Deny, Country = "jp" }, new AccessRuleSpec { Action = AccessActions.Allow, Cidr = "2001:db8::/32" }, new AccessRuleSpec { Action = AccessActions.Deny, Country = "" }],
            model.ToSpec().Rules);
    }

    [Fact]
    public async Task The_match_tool_shows_an_address_s_country_and_the_country_rule_that_matched()
    {
        using var countries = new CountryDatabase(
            new GeoIpOptions { DatabasePath = GeoIpHost.TestDatabase("GeoIP2-Country-Test.mmdb") }, TimeProvider.System, NullLogger<CountryDatabase>.Instance);
        Services.AddSingleton(countries);
        await SignInAsync();
        RenderPopoverHost();
        AccessListSpec[] lists = [new() { Name = "no-kr", Rules = [new AccessRuleSpec { Action = AccessActions.Deny, Country = "KR" }] }];
        var panel = Render<AccessListsPanel>(p => p.Add(c => c.Lists, lists));

        Assert.Contains("GeoIP2-Country", panel.Find("[data-testid=geoip-status]").TextContent);
        Assert.Contains("Deny country KR", panel.Find("[data-access-list=no-kr]").NextElementSibling!.TextContent);
        panel.Find("#match-ip").Change("2001:220::1");
        panel.Find("[data-testid=match]").Click();
        Assert.Equal("2001:220::1 (country: KR): rule 1 (Deny country KR) matches: denied.", panel.Find("[data-testid=match-result]").TextContent);

        panel.Find("#match-ip").Change("10.9.8.7");
        panel.Find("[data-testid=match]").Click();
        Assert.Equal("10.9.8.7 (country: none known): no rule matches, so the default applies: allowed.", panel.Find("[data-testid=match-result]").TextContent);
    }
}
