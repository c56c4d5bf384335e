using Appliance.Data.Model;
using Appliance.Data.TwoFactor;
using Appliance.Data.Users;
using Appliance.Web.Components.Pages.Users;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.TwoFactor;

// A database of its own: the requirement concerns every user in it.
public sealed class TwoFactorAdminControlsTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>
{
    private TwoFactorStore Store => Database.Services.GetRequiredService<TwoFactorStore>();

    private TwoFactorAdministration Administration => Database.Services.GetRequiredService<TwoFactorAdministration>();

    private async Task EnrolAsync(string name)
    {
        var secret = TotpCodes.FromBase32((await Store.BeginSetupAsync(name)).Value!.Secret);
        Assert.True((await Store.ConfirmSetupAsync(name, UserPassword, TotpCodes.CodeAt(secret, DateTimeOffset.UtcNow))).Succeeded);
    }

    private async Task<string> CreateUserAsync(string prefix)
    {
        var name = UniqueName(prefix);
        Assert.True((await Database.Users.CreateAsync(new NewUser { UserName = name, Password = UserPassword, Role = ApplianceRoles.Viewer }, Editor.Authorized("test"))).Succeeded);
        return name;
    }

    [Fact]
    public async Task The_users_table_shows_who_uses_two_factor_and_an_admin_resets_it_after_confirming()
    {
        var enrolled = await CreateUserAsync("phone");
        await EnrolAsync(enrolled);
        var plain = await CreateUserAsync("plain");
        await SignInAsync(UniqueName("alice"));
        RenderPopoverHost();
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var list = Render<UserList>();

        Assert.Contains("on", list.Find($"[data-user='{enrolled}'] [data-testid=two-factor]").TextContent);
        Assert.Contains("off", list.Find($"[data-user='{plain}'] [data-testid=two-factor]").TextContent);
        Assert.Empty(list.FindAll($"button[aria-label='Reset two-factor of {plain}']"));

        list.Find($"button[aria-label='Reset two-factor of {enrolled}']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains($"Reset the two-factor sign-in of '{enrolled}'?", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Reset").Click();

        await Eventually.TrueAsync(async () => (await Store.GetStatusAsync(enrolled))!.Enabled == false, TimeSpan.FromSeconds(5), "the reset");
        list.WaitForAssertion(() => Assert.Contains("off", list.Find($"[data-user='{enrolled}'] [data-testid=two-factor]").TextContent));
        var audit = await Database.Audit.GetLatestAsync(50);
        Assert.Contains(audit, a => a.Action == Appliance.Data.Entities.AuditAction.ResetTwoFactor && a.EntityName == enrolled);
    }

    [Fact]
    public async Task A_viewer_sees_the_column_and_the_switch_but_no_control()
    {
        var enrolled = await CreateUserAsync("viewed");
        await EnrolAsync(enrolled);
        await SignInAsync(UniqueName("victor"), ApplianceRoles.Viewer);
        RenderPopoverHost();

        var list = Render<UserList>();

        Assert.Contains("on", list.Find($"[data-user='{enrolled}'] [data-testid=two-factor]").TextContent);
        Assert.Empty(list.FindAll("button[aria-label^='Reset two-factor']"));
        Assert.True(list.Find("[data-testid=two-factor-requirement] input").HasAttribute("disabled"));
    }

    [Fact]
    public async Task An_admin_without_two_factor_is_told_to_set_it_up_first()
    {
        await SignInAsync(UniqueName("careless"));
        RenderPopoverHost();
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var toggle = Render<TwoFactorRequirementSwitch>();

        toggle.Find("[data-testid=two-factor-requirement] input").Change(true);
        dialogs.WaitForAssertion(() => Assert.Contains("Users who have not set one up are signed out", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Require").Click();

        toggle.WaitForAssertion(() => Assert.Contains(TwoFactorMessages.EnrolYourselfFirst, toggle.Find("[data-testid=two-factor-requirement-error]").TextContent));
        Assert.False((await Administration.GetRequirementAsync()).Required);
        Assert.False(toggle.Find("[data-testid=two-factor-requirement] input").HasAttribute("checked"));
    }

    [Fact]
    public async Task An_admin_with_two_factor_requires_it_after_confirming_and_lifts_it()
    {
        var admin = UniqueName("switcher");
        Assert.True((await Database.Users.CreateAsync(new NewUser { UserName = admin, Password = UserPassword, Role = ApplianceRoles.Admin }, Editor.Authorized("test"))).Succeeded);
        await EnrolAsync(admin);
        await SignInAsync(admin);
        RenderPopoverHost();
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var toggle = Render<TwoFactorRequirementSwitch>();

        toggle.Find("[data-testid=two-factor-requirement] input").Change(true);
        dialogs.WaitForAssertion(() => Assert.Contains("Users who have not set one up are signed out", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Require").Click();

        await Eventually.TrueAsync(async () => (await Administration.GetRequirementAsync()).Required, TimeSpan.FromSeconds(5), "the requirement");
        toggle.WaitForAssertion(() => Assert.True(toggle.Find("[data-testid=two-factor-requirement] input").HasAttribute("checked")));
        Assert.Empty(toggle.FindAll("[data-testid=two-factor-requirement-error]"));

        // Lifting it asks nothing more.
        toggle.Find("[data-testid=two-factor-requirement] input").Change(false);
        await Eventually.TrueAsync(async () => !(await Administration.GetRequirementAsync()).Required, TimeSpan.FromSeconds(5), "the requirement lifted");
    }
}
