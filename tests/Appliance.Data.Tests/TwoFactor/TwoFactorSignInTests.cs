using System.Net;
using Appliance.Data.Entities;
using Appliance.Data.TwoFactor;
using Appliance.Data.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.TwoFactor;

public sealed class TwoFactorSignInTests(TwoFactorFixture fixture) : IClassFixture<TwoFactorFixture>
{
    private static readonly IPAddress Owner = IPAddress.Parse("192.0.2.20");
    private static readonly IPAddress Attacker = IPAddress.Parse("198.51.100.20");

    [Fact]
    public async Task The_password_alone_is_no_session_and_the_code_finishes_the_sign_in()
    {
        var (secret, _) = await fixture.CreateEnrolledUserAsync("tf-alice");

        var first = await fixture.Users.SignInAsync("tf-alice", TwoFactorFixture.Password, Owner);
        Assert.Equal(SignInOutcome.SecondFactorNeeded, first.Outcome);

        var second = await fixture.SignIn.VerifyAsync("tf-alice", first.User!.SecurityStamp, fixture.CodeNow(secret), Owner);
        Assert.Equal(SignInOutcome.Succeeded, second?.Outcome);
        Assert.Equal("tf-alice", second!.User!.User.UserName);
        Assert.Equal(first.User.SecurityStamp, second.User.SecurityStamp);

        // The right password, then the right code: nothing of it counts as a failure.
        Assert.Equal(0, fixture.Throttle.RecentFailures("tf-alice"));
    }

    [Fact]
    public async Task A_code_is_accepted_once_and_no_earlier_one_after_it()
    {
        var (secret, _) = await fixture.CreateEnrolledUserAsync("tf-replay");
        var code = fixture.CodeNow(secret);
        var previous = TotpCodes.CodeAt(secret, fixture.Clock.GetUtcNow().AddSeconds(-TotpCodes.StepSeconds));

        // Each attempt from its own address: a refused code counts toward that address's lockout.
        Assert.Equal(SignInOutcome.Succeeded, await fixture.SignInWithCodeAsync("tf-replay", code, IPAddress.Parse("192.0.2.51")));
        Assert.Equal(SignInOutcome.Failed, await fixture.SignInWithCodeAsync("tf-replay", code, IPAddress.Parse("192.0.2.52")));

        // Still within the window, but older than the one spent.
        Assert.Equal(SignInOutcome.Failed, await fixture.SignInWithCodeAsync("tf-replay", previous, IPAddress.Parse("192.0.2.53")));

        // A code of the next step, one step ahead of the clock, is fresh.
        Assert.Equal(SignInOutcome.Succeeded, await fixture.SignInWithCodeAsync("tf-replay", TotpCodes.CodeAt(secret, fixture.Clock.GetUtcNow().AddSeconds(TotpCodes.StepSeconds)), IPAddress.Parse("192.0.2.54")));
    }

    [Fact]
    public async Task Two_requests_racing_with_one_code_get_in_once()
    {
        var (secret, _) = await fixture.CreateEnrolledUserAsync("tf-race");
        var code = fixture.CodeNow(secret);
        var stamp = (await fixture.Users.FindAsync("tf-race"))!.SecurityStamp;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => fixture.SignIn.VerifyAsync("tf-race", stamp, code, IPAddress.Parse($"192.0.2.{100 + i}"))));

        Assert.Equal(1, outcomes.Count(o => o?.Outcome == SignInOutcome.Succeeded));
    }

    [Fact]
    public async Task A_code_from_two_steps_away_or_a_wrong_one_is_refused()
    {
        var (secret, _) = await fixture.CreateEnrolledUserAsync("tf-window");
        fixture.NextStep();
        var now = fixture.Clock.GetUtcNow();

        Assert.Equal(SignInOutcome.Failed, await fixture.SignInWithCodeAsync("tf-window", TotpCodes.CodeAt(secret, now.AddSeconds(60)), IPAddress.Parse("192.0.2.61")));
        Assert.Equal(SignInOutcome.Failed, await fixture.SignInWithCodeAsync("tf-window", TotpCodes.CodeAt(secret, now.AddSeconds(-60)), IPAddress.Parse("192.0.2.62")));
        var wrong = fixture.CodeNow(secret) == "123456" ? "654321" : "123456";
        Assert.Equal(SignInOutcome.Failed, await fixture.SignInWithCodeAsync("tf-window", wrong, IPAddress.Parse("192.0.2.63")));
        Assert.Equal(SignInOutcome.Succeeded, await fixture.SignInWithCodeAsync("tf-window", TotpCodes.CodeAt(secret, now.AddSeconds(-30)), IPAddress.Parse("192.0.2.64")));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_its_use_is_audited_without_it()
    {
        var (_, codes) = await fixture.CreateEnrolledUserAsync("tf-lost-phone");

        Assert.Equal(SignInOutcome.Succeeded, await fixture.SignInWithCodeAsync("tf-lost-phone", codes[3].ToLowerInvariant(), Owner));
        Assert.Equal(SignInOutcome.Failed, await fixture.SignInWithCodeAsync("tf-lost-phone", codes[3], Owner));
        Assert.Equal(SignInOutcome.Succeeded, await fixture.SignInWithCodeAsync("tf-lost-phone", codes[4], Owner));

        Assert.Equal(RecoveryCodes.Count - 2, (await fixture.TwoFactor.GetStatusAsync("tf-lost-phone"))!.RecoveryCodesLeft);
        var audit = await fixture.Services.GetRequiredService<Auditing.AuditLog>().GetLatestAsync(50);
        var used = audit.Where(a => a.Action == AuditAction.UseRecoveryCode && a.EntityName == "tf-lost-phone").ToList();
        Assert.Equal(2, used.Count);
        Assert.Contains("\"recoveryCodesLeft\":8", used[0].After);
        Assert.DoesNotContain(used, a => codes.Any(c => (a.After ?? "").Contains(c, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Wrong_codes_count_toward_the_lockout_exactly_like_wrong_passwords()
    {
        var (secret, _) = await fixture.CreateEnrolledUserAsync("tf-guessed");
        var first = await fixture.Users.SignInAsync("tf-guessed", TwoFactorFixture.Password, Attacker);
        Assert.Equal(SignInOutcome.SecondFactorNeeded, first.Outcome);

        // The right password stays counted until its code is right: 1, then three wrong codes.
        for (var i = 0; i < SignInThrottle.MaxFailuresPerAddress - 2; i++)
        {
            Assert.Equal(SignInOutcome.Failed, (await fixture.SignIn.VerifyAsync("tf-guessed", first.User!.SecurityStamp, "00000" + i, Attacker))?.Outcome);
        }

        // The fifth failure locks the name at this address, and the right code is refused unchecked.
        Assert.Equal(SignInOutcome.LockedOut, (await fixture.SignIn.VerifyAsync("tf-guessed", first.User!.SecurityStamp, "000009", Attacker))?.Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await fixture.SignIn.VerifyAsync("tf-guessed", first.User.SecurityStamp, fixture.CodeNow(secret), Attacker))?.Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await fixture.Users.SignInAsync("tf-guessed", TwoFactorFixture.Password, Attacker)).Outcome);

        // The owner elsewhere is not affected, and the code the attacker could not use is still good.
        Assert.Equal(SignInOutcome.Succeeded, await fixture.SignInWithCodeAsync("tf-guessed", fixture.CodeNow(secret), Owner));
    }

    [Fact]
    public async Task Three_wrong_codes_after_one_password_leave_room_for_the_right_one()
    {
        var (secret, _) = await fixture.CreateEnrolledUserAsync("tf-clumsy");
        var address = IPAddress.Parse("192.0.2.70");
        var first = await fixture.Users.SignInAsync("tf-clumsy", TwoFactorFixture.Password, address);
        for (var i = 0; i < SignInThrottle.MaxFailuresPerAddress - 2; i++)
        {
            Assert.Equal(SignInOutcome.Failed, (await fixture.SignIn.VerifyAsync("tf-clumsy", first.User!.SecurityStamp, "99999" + i, address))?.Outcome);
        }

        Assert.Equal(SignInOutcome.Succeeded, (await fixture.SignIn.VerifyAsync("tf-clumsy", first.User!.SecurityStamp, fixture.CodeNow(secret), address))?.Outcome);

        // Forgiven, the password's attempt with it: the address starts afresh.
        Assert.Equal(SignInOutcome.SecondFactorNeeded, (await fixture.Users.SignInAsync("tf-clumsy", TwoFactorFixture.Password, address)).Outcome);
    }

    [Fact]
    public async Task Giving_the_password_again_does_not_reset_the_count_of_wrong_codes()
    {
        await fixture.CreateEnrolledUserAsync("tf-persistent");
        var address = IPAddress.Parse("198.51.100.21");
        var outcomes = new List<SignInOutcome?>();
        for (var round = 0; round < 3; round++)
        {
            outcomes.Add(await fixture.SignInWithCodeAsync("tf-persistent", "11111" + round, address));
        }

        // Password (1), code (2), password (3), code (4), password (5): the third code is refused unchecked.
        Assert.Equal([SignInOutcome.Failed, SignInOutcome.Failed, SignInOutcome.LockedOut], outcomes);
    }

    [Fact]
    public async Task A_second_step_after_a_new_password_or_a_reset_cannot_finish()
    {
        var (secret, _) = await fixture.CreateEnrolledUserAsync("tf-stale");
        var first = await fixture.Users.SignInAsync("tf-stale", TwoFactorFixture.Password, Owner);
        var user = (await fixture.Users.FindAsync("tf-stale"))!;

        Assert.True((await fixture.Users.EndSessionsAsync(user.User.Id, Editor.Authorized("test"))).Succeeded);

        Assert.Null(await fixture.SignIn.VerifyAsync("tf-stale", first.User!.SecurityStamp, fixture.CodeNow(secret), Owner));
        Assert.Null(await fixture.SignIn.VerifyAsync("tf-no-such-user", first.User.SecurityStamp, fixture.CodeNow(secret), Owner));
    }

    [Fact]
    public async Task The_secret_is_stored_encrypted_never_as_its_base32_or_its_bytes()
    {
        await fixture.CreateUserAsync("tf-at-rest");
        var setup = (await fixture.TwoFactor.BeginSetupAsync("tf-at-rest")).Value!;

        var contexts = fixture.Services.GetRequiredService<IDbContextFactory<ApplianceDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var userId = (await fixture.Users.FindAsync("tf-at-rest"))!.User.Id;
        var stored = (await db.TwoFactorEnrolments.SingleAsync(e => e.UserId == userId)).ProtectedSecret;

        Assert.DoesNotContain(setup.Secret, stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToBase64String(TotpCodes.FromBase32(setup.Secret)), stored, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(TotpCodes.FromBase32(setup.Secret)), stored, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(TotpCodes.FromBase32(setup.Secret), fixture.Services.GetRequiredService<TwoFactorSecretProtector>().Unprotect(stored));

        // Reading the setup again shows the same secret: a reload does not undo a scan.
        Assert.Equal(setup.Secret, (await fixture.TwoFactor.BeginSetupAsync("tf-at-rest")).Value!.Secret);
    }

    [Fact]
    public async Task A_deleted_user_takes_their_authenticator_and_codes_along()
    {
        await fixture.CreateEnrolledUserAsync("tf-leaver");
        var userId = (await fixture.Users.FindAsync("tf-leaver"))!.User.Id;

        Assert.True((await fixture.Users.DeleteAsync(userId, Editor.Authorized("test"))).Succeeded);

        var contexts = fixture.Services.GetRequiredService<IDbContextFactory<ApplianceDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        Assert.False(await db.TwoFactorEnrolments.AnyAsync(e => e.UserId == userId));
        Assert.False(await db.RecoveryCodes.AnyAsync(c => c.UserId == userId));
    }
}
