using System.Net;
using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Data.TwoFactor;
using Appliance.Data.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.TwoFactor;

// A class of its own: the requirement concerns every user of the fixture's database.
public sealed class TwoFactorRequirementTests(TwoFactorFixture fixture) : IClassFixture<TwoFactorFixture>
{
    private static readonly IPAddress Address = IPAddress.Parse("192.0.2.40");

    [Fact]
    public async Task Required_of_everyone_it_signs_out_the_unenrolled_who_set_it_up_before_their_next_session()
    {
        var (secret, _) = await fixture.CreateEnrolledUserAsync("rq-admin", ApplianceRoles.Admin);
        await fixture.CreateUserAsync("rq-plain");
        var plainStamp = (await fixture.Users.FindAsync("rq-plain"))!.SecurityStamp;
        var adminStamp = (await fixture.Users.FindAsync("rq-admin"))!.SecurityStamp;

        var result = await fixture.Administration.SetRequirementAsync(true, Editor.SignedIn("rq-admin"));

        Assert.True(result.Succeeded);
        Assert.True((await fixture.Administration.GetRequirementAsync()).Required);
        Assert.NotEqual(plainStamp, (await fixture.Users.FindAsync("rq-plain"))!.SecurityStamp);
        Assert.Equal(adminStamp, (await fixture.Users.FindAsync("rq-admin"))!.SecurityStamp);
        var entry = Assert.Single(await fixture.Services.GetRequiredService<Auditing.AuditLog>().GetLatestAsync(100), a => a.EntityType == "sign-in policy");
        Assert.Equal(AuditAction.Update, entry.Action);
        Assert.Equal("rq-admin", entry.Actor);
        Assert.Contains("\"requireTwoFactor\":false", entry.Before);
        Assert.Contains("\"requireTwoFactor\":true", entry.After);
        Assert.Contains("rq-plain", entry.After);

        // The password is right, but there is no session before an authenticator is set up.
        var signIn = await fixture.Users.SignInAsync("rq-plain", TwoFactorFixture.Password, Address);
        Assert.Equal(SignInOutcome.EnrolmentNeeded, signIn.Outcome);
        var setup = await fixture.TwoFactor.BeginSetupAsync("rq-plain", signIn.User!.SecurityStamp);
        Assert.Equal(StoreStatus.NotFound, (await fixture.TwoFactor.BeginSetupAsync("rq-plain", "an old stamp")).Status);
        var plainSecret = TotpCodes.FromBase32(setup.Value!.Secret);
        var confirmed = await fixture.TwoFactor.ConfirmSetupAtSignInAsync("rq-plain", signIn.User.SecurityStamp, fixture.CodeNow(plainSecret), Address);
        Assert.True(confirmed.Succeeded);
        fixture.NextStep();
        Assert.Equal(SignInOutcome.Succeeded, await fixture.SignInWithCodeAsync("rq-plain", fixture.CodeNow(plainSecret), Address));

        // Nobody turns it off for themselves while it is required.
        Assert.Equal(StoreStatus.Conflict, (await fixture.TwoFactor.DisableAsync("rq-admin", TwoFactorFixture.Password, fixture.CodeNow(secret), Address)).Status);

        // Lifted: unchanged sessions, and each user decides again.
        Assert.True((await fixture.Administration.SetRequirementAsync(false, Editor.Authorized("token:ops"))).Succeeded);
        Assert.False((await fixture.Administration.GetRequirementAsync()).Required);
        await fixture.CreateUserAsync("rq-later");
        Assert.Equal(SignInOutcome.Succeeded, (await fixture.Users.SignInAsync("rq-later", TwoFactorFixture.Password, Address)).Outcome);
    }

    [Fact]
    public async Task An_admin_without_two_factor_cannot_switch_it_on_and_sign_themselves_out()
    {
        await fixture.CreateUserAsync("rq-careless", ApplianceRoles.Admin);

        var refused = await fixture.Administration.SetRequirementAsync(true, Editor.SignedIn("rq-careless"));

        Assert.Equal(StoreStatus.Conflict, refused.Status);
        Assert.Equal([TwoFactorMessages.EnrolYourselfFirst], refused.Errors["required"]);
        Assert.False((await fixture.Administration.GetRequirementAsync()).Required);
    }
}
