using Appliance.Data.Model;
using Appliance.Engine.Security.Bans;
using Appliance.Web.Components.Pages.Security;
using Bunit;

namespace Appliance.Web.Tests.Components.Security;

/// <summary>The bans section of the Security page: the rule form with the store's messages, an operator's ban and unban, and a viewer's read-only view.</summary>
public sealed class BanFormsTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>
{
    private BanService Bans => Services.GetRequiredService<BanService>();

    [Fact]
    public async Task A_viewer_sees_the_rules_and_the_bans_but_no_form_and_no_button()
    {
        await SignInAsync(UniqueName("viewer"), ApplianceRoles.Viewer);
        await Bans.BanAsync(new ManualBanRequest { Address = "203.0.113.50", Seconds = 600, Reason = "seen by a viewer" }, "test");

        var section = Render<BansSection>();

        Assert.Single(section.FindAll("tr[data-ban-rule='scanners']"));
        Assert.Contains("seen by a viewer", section.Find("tr[data-ban='203.0.113.50']").TextContent, StringComparison.Ordinal);
        Assert.Empty(section.FindAll("[data-testid=ban-rule-form]"));
        Assert.Empty(section.FindAll("[data-testid=manual-ban-form]"));
        Assert.Empty(section.FindAll("button[aria-label='Unban 203.0.113.50']"));
        Assert.Empty(section.FindAll("button[aria-label='Delete ban rule scanners']"));
    }

    [Fact]
    public async Task The_rule_form_shows_the_stores_messages_by_field_and_saves_a_good_rule()
    {
        await SignInAsync();
        var name = UniqueName("probe");
        BanRuleSpec? saved = null;
        var form = Render<BanRuleForm>(p => p.Add(f => f.Saved, (BanRuleSpec r) => saved = r));

        form.Find("#ban-rule-name").Change(name);
        form.Find("#ban-rule-statuses").Change("401, forbidden");
        await form.InvokeAsync(() => form.Find("[data-testid=save-ban-rule]").Click());
        form.WaitForAssertion(() => Assert.Contains("'forbidden' is not a status", form.Markup, StringComparison.Ordinal));

        form.Find("#ban-rule-statuses").Change("99");
        form.Find("#ban-rule-paths").Change("wp-login.php\n/.git/**\n/x/**/y");
        form.Find("#ban-rule-threshold").Change("0");
        await form.InvokeAsync(() => form.Find("[data-testid=save-ban-rule]").Click());
        form.WaitForAssertion(() => Assert.Contains("99 is not an HTTP status", form.Markup, StringComparison.Ordinal));
        Assert.Contains("A path pattern starts with '/'.", form.Markup, StringComparison.Ordinal);
        Assert.Contains("'**' stands alone as the last segment", form.Markup, StringComparison.Ordinal);
        Assert.Contains("Use 1 to 100000 answers.", form.Markup, StringComparison.Ordinal);
        Assert.Null(await Database.Store.BanRules.GetAsync(name));

        form.Find("#ban-rule-statuses").Change("");
        form.Find("#ban-rule-paths").Change("/wp-login.php/**\n/.git/**");
        form.Find("#ban-rule-threshold").Change("7");
        form.Find("#ban-rule-ban").Change("600");
        await form.InvokeAsync(() => form.Find("[data-testid=save-ban-rule]").Click());
        form.WaitForAssertion(() => Assert.NotNull(saved));
        var stored = (await Database.Store.BanRules.GetAsync(name))!;
        Assert.Equal(["/wp-login.php/**", "/.git/**"], stored.Paths);
        Assert.Empty(stored.Statuses);
        Assert.Equal(7, stored.Threshold);
        Assert.Equal(60, stored.WindowSeconds);
        Assert.Equal(600, stored.BanSeconds);
    }

    [Fact]
    public async Task Editing_a_rule_starts_from_it_and_changes_only_what_was_typed()
    {
        await SignInAsync();
        var name = UniqueName("edited");
        Assert.True((await Database.Store.BanRules.CreateAsync(new BanRuleSpec { Name = name, Statuses = [401, 403], Paths = ["/.env*"], Threshold = 9, WindowSeconds = 30, BanSeconds = 120 }, "test")).Succeeded);
        var stored = (await Database.Store.BanRules.GetAsync(name))!;
        BanRuleSpec? saved = null;
        var form = Render<BanRuleForm>(p => p.Add(f => f.Rule, stored).Add(f => f.Saved, (BanRuleSpec r) => saved = r));

        Assert.Equal("401, 403", form.Find("#ban-rule-statuses").GetAttribute("value"));
        form.Find("#ban-rule-window").Change("45");
        await form.InvokeAsync(() => form.Find("[data-testid=save-ban-rule]").Click());
        form.WaitForAssertion(() => Assert.NotNull(saved));

        Assert.Equal(stored with { WindowSeconds = 45 }, await Database.Store.BanRules.GetAsync(name), new BanRuleComparer());
    }

    [Fact]
    public async Task An_operator_bans_an_address_sees_it_listed_and_unbans_it_and_a_bad_address_is_refused_on_its_field()
    {
        await SignInAsync();
        RenderPopoverHost();
        var section = Render<BansSection>();

        section.Find("#ban-address").Change("not an address");
        await section.InvokeAsync(() => section.Find("[data-testid=save-ban]").Click());
        section.WaitForAssertion(() => Assert.Contains("is not an IPv4 or IPv6 address", section.Find("[data-testid=manual-ban-form]").TextContent, StringComparison.Ordinal));

        section.Find("#ban-address").Change("10.0.0.1");
        await section.InvokeAsync(() => section.Find("[data-testid=save-ban]").Click());
        section.WaitForAssertion(() => Assert.Contains("trusted proxy", section.Find("[data-testid=manual-ban-form]").TextContent, StringComparison.Ordinal));

        section.Find("#ban-address").Change("198.51.100.60");
        section.Find("#ban-reason").Change("probing the admin");
        await section.InvokeAsync(() => section.Find("[data-testid=save-ban]").Click());
        section.WaitForAssertion(() => Assert.Contains("probing the admin", section.Find("tr[data-ban='198.51.100.60']").TextContent, StringComparison.Ordinal));
        Assert.Contains("198.51.100.60", Bans.Active().Select(b => b.Subject));

        await section.InvokeAsync(() => section.Find("button[aria-label='Unban 198.51.100.60']").Click());
        section.WaitForAssertion(() => Assert.Empty(section.FindAll("tr[data-ban='198.51.100.60']")));
        Assert.DoesNotContain("198.51.100.60", Bans.Active().Select(b => b.Subject));
        var audit = await Database.Audit.GetLatestAsync(20);
        Assert.Contains(audit, a => a.EntityType == "ban" && a.EntityName == "198.51.100.60" && a.Action == Appliance.Data.Entities.AuditAction.Delete && a.Actor == "ops");
    }

    [Fact]
    public async Task Deleting_a_rule_asks_first_and_removes_it()
    {
        await SignInAsync();
        var name = UniqueName("doomed");
        Assert.True((await Database.Store.BanRules.CreateAsync(new BanRuleSpec { Name = name, Statuses = [418] }, "test")).Succeeded);
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var section = Render<BansSection>();

        await section.InvokeAsync(() => section.Find($"button[aria-label='Delete ban rule {name}']").Click());
        dialogs.WaitForAssertion(() => Assert.Contains($"Delete ban rule '{name}'?", dialogs.Markup, StringComparison.Ordinal));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click());

        section.WaitForAssertion(() => Assert.Empty(section.FindAll($"tr[data-ban-rule='{name}']")));
        Assert.Null(await Database.Store.BanRules.GetAsync(name));
    }

    // Records compare lists by reference; a stored rule read again is equal when its values are.
    private sealed class BanRuleComparer : IEqualityComparer<BanRuleSpec?>
    {
        public bool Equals(BanRuleSpec? x, BanRuleSpec? y) =>
            x is not null && y is not null && x.Name == y.Name && x.Enabled == y.Enabled && x.Statuses.SequenceEqual(y.Statuses) && x.Paths.SequenceEqual(y.Paths)
            && x.Threshold == y.Threshold && x.WindowSeconds == y.WindowSeconds && x.BanSeconds == y.BanSeconds;

        public int GetHashCode(BanRuleSpec? obj) => obj?.Name.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
