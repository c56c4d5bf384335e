using System.Net;
using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Data.TwoFactor;
using Appliance.Data.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.TwoFactor;

public sealed class TwoFactorStoreTests(TwoFactorFixture fixture) : IClassFixture<TwoFactorFixture>
{
    private static readonly IPAddress Address = IPAddress.Parse("192.0.2.30");

    private Task<IReadOnlyList<AuditEntry>> AuditAsync() => fixture.Services.GetRequiredService<Auditing.AuditLog>().GetLatestAsync(200);

    [Fact]
    public async Task Setting_up_needs_the_password_and_the_authenticators_current_code()
    {
        await fixture.CreateUserAsync("st-setup");
        var stampBefore = (await fixture.Users.FindAsync("st-setup"))!.SecurityStamp;
        var secret = TotpCodes.FromBase32((await fixture.TwoFactor.BeginSetupAsync("st-setup")).Value!.Secret);

        var wrongPassword = await fixture.TwoFactor.ConfirmSetupAsync("st-setup", "not the password", fixture.CodeNow(secret), Address);
        Assert.Equal(StoreStatus.Invalid, wrongPassword.Status);
        Assert.Equal([TwoFactorMessages.WrongPassword], wrongPassword.Errors["password"]);

        var wrongCode = await fixture.TwoFactor.ConfirmSetupAsync("st-setup", TwoFactorFixture.Password, TotpCodes.CodeAt(secret, fixture.Clock.GetUtcNow().AddMinutes(5)), Address);
        Assert.Equal([TwoFactorMessages.WrongSetupCode], wrongCode.Errors["code"]);
        Assert.False((await fixture.TwoFactor.GetStatusAsync("st-setup"))!.Enabled);
        Assert.Equal(SignInOutcome.Succeeded, (await fixture.Users.SignInAsync("st-setup", TwoFactorFixture.Password, Address)).Outcome);

        var confirmed = await fixture.TwoFactor.ConfirmSetupAsync("st-setup", TwoFactorFixture.Password, fixture.CodeNow(secret), Address);
        Assert.True(confirmed.Succeeded);
        Assert.Equal(RecoveryCodes.Count, confirmed.Value!.Codes.Count);

        var status = (await fixture.TwoFactor.GetStatusAsync("st-setup"))!;
        Assert.True(status.Enabled);
        Assert.Equal(fixture.Clock.GetUtcNow(), status.EnabledAt);
        Assert.Equal(RecoveryCodes.Count, status.RecoveryCodesLeft);

        // Every other session ended; the audit says what happened and nothing secret.
        Assert.NotEqual(stampBefore, (await fixture.Users.FindAsync("st-setup"))!.SecurityStamp);
        var entry = Assert.Single(await AuditAsync(), a => a.Action == AuditAction.EnableTwoFactor && a.EntityName == "st-setup");
        Assert.Equal("st-setup", entry.Actor);
        Assert.DoesNotContain(TotpCodes.ToBase32(secret), entry.After ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(confirmed.Value.Codes, c => (entry.After ?? "").Contains(c, StringComparison.Ordinal));

        // Once on, there is nothing more to set up or confirm.
        Assert.Equal(StoreStatus.Conflict, (await fixture.TwoFactor.BeginSetupAsync("st-setup")).Status);
        Assert.Equal(StoreStatus.Conflict, (await fixture.TwoFactor.ConfirmSetupAsync("st-setup", TwoFactorFixture.Password, fixture.CodeNow(secret), Address)).Status);
    }

    [Fact]
    public async Task New_recovery_codes_need_the_password_and_replace_the_old_ones()
    {
        var (_, old) = await fixture.CreateEnrolledUserAsync("st-codes");

        Assert.Equal(StoreStatus.Invalid, (await fixture.TwoFactor.RegenerateRecoveryCodesAsync("st-codes", "wrong password", Address)).Status);
        var fresh = await fixture.TwoFactor.RegenerateRecoveryCodesAsync("st-codes", TwoFactorFixture.Password, Address);

        Assert.True(fresh.Succeeded);
        Assert.Empty(fresh.Value!.Codes.Intersect(old));
        Assert.Equal(SignInOutcome.Failed, await fixture.SignInWithCodeAsync("st-codes", old[0], Address));
        Assert.Equal(SignInOutcome.Succeeded, await fixture.SignInWithCodeAsync("st-codes", fresh.Value.Codes[0], Address));
        Assert.Contains(await AuditAsync(), a => a.Action == AuditAction.NewRecoveryCodes && a.EntityName == "st-codes");
    }

    [Fact]
    public async Task Turning_it_off_needs_the_password_and_a_current_code_then_the_password_is_enough()
    {
        var (secret, codes) = await fixture.CreateEnrolledUserAsync("st-off");
        var stampBefore = (await fixture.Users.FindAsync("st-off"))!.SecurityStamp;

        var wrongPassword = await fixture.TwoFactor.DisableAsync("st-off", "wrong password", fixture.CodeNow(secret), Address);
        Assert.Equal([TwoFactorMessages.WrongPassword], wrongPassword.Errors["password"]);
        var wrongCode = await fixture.TwoFactor.DisableAsync("st-off", TwoFactorFixture.Password, "000000" == fixture.CodeNow(secret) ? "111111" : "000000", Address);
        Assert.Equal([TwoFactorMessages.WrongCode], wrongCode.Errors["code"]);
        Assert.True((await fixture.TwoFactor.GetStatusAsync("st-off"))!.Enabled);

        Assert.True((await fixture.TwoFactor.DisableAsync("st-off", TwoFactorFixture.Password, codes[0], Address)).Succeeded);

        Assert.False((await fixture.TwoFactor.GetStatusAsync("st-off"))!.Enabled);
        Assert.Equal(0, (await fixture.TwoFactor.GetStatusAsync("st-off"))!.RecoveryCodesLeft);
        Assert.NotEqual(stampBefore, (await fixture.Users.FindAsync("st-off"))!.SecurityStamp);
        Assert.Equal(SignInOutcome.Succeeded, (await fixture.Users.SignInAsync("st-off", TwoFactorFixture.Password, Address)).Outcome);
        Assert.Contains(await AuditAsync(), a => a.Action == AuditAction.DisableTwoFactor && a.EntityName == "st-off" && a.After!.Contains("\"usedRecoveryCode\":true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_admin_reset_removes_the_authenticator_and_ends_the_users_sessions()
    {
        await fixture.CreateEnrolledUserAsync("st-reset");
        var stampBefore = (await fixture.Users.FindAsync("st-reset"))!.SecurityStamp;

        var reset = await fixture.Administration.ResetAsync("ST-RESET", Editor.Authorized("token:ops"));

        Assert.True(reset.Succeeded);
        Assert.NotEqual(stampBefore, (await fixture.Users.FindAsync("st-reset"))!.SecurityStamp);
        Assert.False((await fixture.TwoFactor.GetStatusAsync("st-reset"))!.Enabled);
        Assert.Equal(SignInOutcome.Succeeded, (await fixture.Users.SignInAsync("st-reset", TwoFactorFixture.Password, Address)).Outcome);
        Assert.Contains(await AuditAsync(), a => a.Action == AuditAction.ResetTwoFactor && a.EntityName == "st-reset" && a.Actor == "token:ops");

        Assert.Equal(StoreStatus.Conflict, (await fixture.Administration.ResetAsync("st-reset", Editor.Authorized("token:ops"))).Status);
        Assert.Equal(StoreStatus.NotFound, (await fixture.Administration.ResetAsync("st-nobody", Editor.Authorized("token:ops"))).Status);
    }

    [Fact]
    public async Task Only_an_admin_who_still_is_one_resets_or_requires()
    {
        await fixture.CreateEnrolledUserAsync("st-victim");
        await fixture.CreateUserAsync("st-viewer", ApplianceRoles.Viewer);

        Assert.Equal(StoreStatus.Forbidden, (await fixture.Administration.ResetAsync("st-victim", Editor.SignedIn("st-viewer"))).Status);
        Assert.Equal(StoreStatus.Forbidden, (await fixture.Administration.SetRequirementAsync(true, Editor.SignedIn("st-viewer"))).Status);
        Assert.True((await fixture.TwoFactor.GetStatusAsync("st-victim"))!.Enabled);
        Assert.False((await fixture.Administration.GetRequirementAsync()).Required);
    }
}
