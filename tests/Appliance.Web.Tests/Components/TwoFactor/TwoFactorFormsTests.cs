using Appliance.Data.TwoFactor;
using Appliance.Web.Components.Pages.Account.TwoFactor;
using Bunit;

namespace Appliance.Web.Tests.Components.TwoFactor;

public sealed class TwoFactorFormsTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>
{
    private TwoFactorStore Store => Database.Services.GetRequiredService<TwoFactorStore>();

    private async Task<(string Name, TwoFactorSetup Setup)> UserBeingSetUpAsync()
    {
        var name = UniqueName("tf");
        await SignInAsync(name);
        return (name, (await Store.BeginSetupAsync(name)).Value!);
    }

    private async Task<(string Name, byte[] Secret, IReadOnlyList<string> Codes)> EnrolledUserAsync()
    {
        var (name, setup) = await UserBeingSetUpAsync();
        var secret = TotpCodes.FromBase32(setup.Secret);
        var confirmed = await Store.ConfirmSetupAsync(name, UserPassword, TotpCodes.CodeAt(secret, DateTimeOffset.UtcNow));
        return (name, secret, confirmed.Value!.Codes);
    }

    [Fact]
    public async Task The_setup_form_shows_the_qr_code_and_key_and_gives_the_stores_messages_by_field()
    {
        var (name, setup) = await UserBeingSetUpAsync();
        RecoveryCodeSet? confirmed = null;
        var form = Render<AuthenticatorSetupForm>(p => p
            .Add(f => f.Setup, setup)
            .Add(f => f.UserName, name)
            .Add(f => f.Confirmed, codes => confirmed = codes));

        Assert.StartsWith("data:image/png;base64,", form.Find("[data-testid=two-factor-qr]").GetAttribute("src"));
        Assert.Equal(setup.Secret, form.Find("[data-testid=two-factor-secret]").TextContent.Replace(" ", "", StringComparison.Ordinal));
        var secret = TotpCodes.FromBase32(setup.Secret);

        // No password: asked for, and not counted as a failed sign-in.
        form.Find("#setup-code").Change(TotpCodes.CodeAt(secret, DateTimeOffset.UtcNow));
        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.Contains("Enter your password.", form.Markup));
        Assert.Equal(0, Database.Throttle.RecentFailures(name));

        form.Find("#setup-password").Change("not the password");
        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.Contains(TwoFactorMessages.WrongPassword, form.Markup));

        form.Find("#setup-password").Change(UserPassword);
        form.Find("#setup-code").Change(TotpCodes.CodeAt(secret, DateTimeOffset.UtcNow.AddMinutes(10)));
        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.Contains(TwoFactorMessages.WrongSetupCode, form.Markup));
        Assert.Null(confirmed);
        Assert.False((await Store.GetStatusAsync(name))!.Enabled);

        form.Find("#setup-code").Change(TotpCodes.CodeAt(secret, DateTimeOffset.UtcNow));
        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.NotNull(confirmed));
        Assert.Equal(RecoveryCodes.Count, confirmed!.Codes.Count);
        Assert.True((await Store.GetStatusAsync(name))!.Enabled);
    }

    [Fact]
    public async Task At_sign_in_the_setup_form_asks_no_password_but_needs_the_stamp_of_that_sign_in()
    {
        var (name, setup) = await UserBeingSetUpAsync();
        var stamp = (await Database.Users.FindAsync(name))!.SecurityStamp;
        RecoveryCodeSet? confirmed = null;
        var form = Render<AuthenticatorSetupForm>(p => p
            .Add(f => f.Setup, setup)
            .Add(f => f.UserName, name)
            .Add(f => f.SecurityStamp, stamp)
            .Add(f => f.Confirmed, codes => confirmed = codes));

        Assert.Empty(form.FindAll("#setup-password"));
        form.Find("#setup-code").Change(TotpCodes.CodeAt(TotpCodes.FromBase32(setup.Secret), DateTimeOffset.UtcNow));
        form.Find("form").Submit();

        form.WaitForAssertion(() => Assert.NotNull(confirmed));
        Assert.True((await Store.GetStatusAsync(name))!.Enabled);
    }

    [Fact]
    public async Task New_recovery_codes_need_the_password()
    {
        var (name, _, old) = await EnrolledUserAsync();
        RecoveryCodeSet? fresh = null;
        var form = Render<RecoveryCodesForm>(p => p
            .Add(f => f.UserName, name)
            .Add(f => f.CodesLeft, 2)
            .Add(f => f.Regenerated, codes => fresh = codes));

        Assert.Contains("2 of 10 recovery codes left. Make new ones before you run out.", form.Find("[data-testid=recovery-codes-left]").TextContent);
        form.Find("#new-codes-password").Change("wrong password");
        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.Contains(TwoFactorMessages.WrongPassword, form.Markup));
        Assert.Null(fresh);

        form.Find("#new-codes-password").Change(UserPassword);
        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.NotNull(fresh));
        Assert.Empty(fresh!.Codes.Intersect(old));
    }

    [Fact]
    public async Task Turning_it_off_needs_the_password_and_a_code_with_messages_by_field()
    {
        var (name, _, codes) = await EnrolledUserAsync();
        var disabled = false;
        var form = Render<DisableTwoFactorForm>(p => p
            .Add(f => f.UserName, name)
            .Add(f => f.Disabled, () => disabled = true));

        form.Find("#off-password").Change(UserPassword);
        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.Contains("Enter the code your authenticator shows, or a recovery code.", form.Markup));

        form.Find("#off-code").Change("ABCD-EFGH-JKMN");
        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.Contains(TwoFactorMessages.WrongCode, form.Markup));
        Assert.False(disabled);
        Assert.True((await Store.GetStatusAsync(name))!.Enabled);

        form.Find("#off-code").Change(codes[0]);
        form.Find("form").Submit();
        form.WaitForAssertion(() => Assert.True(disabled));
        Assert.False((await Store.GetStatusAsync(name))!.Enabled);
    }

    [Fact]
    public void Recovery_codes_are_listed_with_the_way_on()
    {
        var codes = new RecoveryCodeSet(RecoveryCodes.Generate());
        var shown = Render<RecoveryCodesShown>(p => p.Add(f => f.Codes, codes).Add(f => f.ContinueTo, "/pools"));

        Assert.Equal(codes.Codes, shown.FindAll("[data-recovery-code]").Select(li => li.TextContent.Trim()));
        Assert.Equal("/pools", shown.Find("[data-testid=recovery-codes-continue]").GetAttribute("href"));
        Assert.Contains("not shown again", shown.Markup);
    }
}
