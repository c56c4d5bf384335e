using System.Net;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Data.Tests.Store;
using Appliance.Data.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Users;

public sealed class UserStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private UserStore Users => fixture.Services.GetRequiredService<UserStore>();

    private async Task<UserInfo> CreateAsync(string name, string role = ApplianceRoles.Admin, string password = "correct horse battery") =>
        (await Users.CreateAsync(new NewUser { UserName = name, Password = password, Role = role }, Editor.Authorized("test"))).Value
        ?? throw new InvalidOperationException("not created");

    [Fact]
    public async Task A_user_signs_in_with_the_right_password_only_and_names_are_unique_whatever_the_case()
    {
        await CreateAsync("Alice");
        Assert.Equal(SignInOutcome.Succeeded, (await Users.SignInAsync("alice", "correct horse battery")).Outcome);
        Assert.Equal(SignInOutcome.Failed, (await Users.SignInAsync("alice", "wrong horse battery")).Outcome);
        Assert.Equal(SignInOutcome.Failed, (await Users.SignInAsync("nobody", "correct horse battery")).Outcome);
        Assert.Equal(StoreStatus.Conflict, (await Users.CreateAsync(new NewUser { UserName = "ALICE", Password = "another long password", Role = ApplianceRoles.Viewer }, Editor.Authorized("test"))).Status);
    }

    private static readonly IPAddress Attacker = IPAddress.Parse("198.51.100.7");
    private static readonly IPAddress Owner = IPAddress.Parse("192.0.2.10");

    [Fact]
    public async Task Five_failures_from_one_address_lock_that_address_for_fifteen_minutes_and_no_other()
    {
        await CreateAsync("bob");
        for (var i = 1; i < SignInThrottle.MaxFailuresPerAddress; i++)
        {
            Assert.Equal(SignInOutcome.Failed, (await Users.SignInAsync("bob", "guess " + i, Attacker)).Outcome);
        }

        Assert.Equal(SignInOutcome.LockedOut, (await Users.SignInAsync("bob", "guess 5", Attacker)).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await Users.SignInAsync("bob", "correct horse battery", Attacker)).Outcome);

        // The owner elsewhere is not locked out by someone else's guesses.
        Assert.Equal(SignInOutcome.Succeeded, (await Users.SignInAsync("bob", "correct horse battery", Owner)).Outcome);

        fixture.Clock.Advance(SignInThrottle.LockoutDuration - TimeSpan.FromSeconds(1));
        Assert.Equal(SignInOutcome.LockedOut, (await Users.SignInAsync("bob", "correct horse battery", Attacker)).Outcome);
        fixture.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(SignInOutcome.Succeeded, (await Users.SignInAsync("bob", "correct horse battery", Attacker)).Outcome);
    }

    [Fact]
    public async Task A_success_resets_the_failure_count_of_its_address()
    {
        await CreateAsync("carol");
        for (var round = 0; round < 3; round++)
        {
            for (var i = 1; i < SignInThrottle.MaxFailuresPerAddress; i++)
            {
                await Users.SignInAsync("carol", "nope", Owner);
            }

            Assert.Equal(SignInOutcome.Succeeded, (await Users.SignInAsync("carol", "correct horse battery", Owner)).Outcome);
        }
    }

    [Fact]
    public async Task An_unknown_name_gets_exactly_the_outcomes_of_an_existing_one()
    {
        await CreateAsync("gina");
        var existing = new List<SignInOutcome>();
        var unknown = new List<SignInOutcome>();
        for (var i = 0; i <= SignInThrottle.MaxFailuresPerAddress + 1; i++)
        {
            existing.Add((await Users.SignInAsync("gina", "guess " + i, Attacker)).Outcome);
            unknown.Add((await Users.SignInAsync("no-such-gina", "guess " + i, Attacker)).Outcome);
        }

        Assert.Equal(existing, unknown);
        Assert.Equal(SignInOutcome.LockedOut, existing[^1]);
    }

    [Fact]
    public async Task Guesses_from_many_addresses_slow_the_account_down_but_not_for_the_owners_own_address()
    {
        await CreateAsync("hank");
        Assert.Equal(SignInOutcome.Succeeded, (await Users.SignInAsync("hank", "correct horse battery", Owner)).Outcome);

        // A botnet: every address stays under its own lockout.
        var address = 0;
        IPAddress Next() => IPAddress.Parse($"203.0.113.{++address}");
        for (var i = 0; i < SignInThrottle.AccountSlowdownAfter; i++)
        {
            Assert.Equal(SignInOutcome.Failed, (await Users.SignInAsync("hank", "guess " + i, Next())).Outcome);
        }

        // Slowed down: until the delay has passed, no address but the owner's gets a password checked,
        // not even the right one.
        Assert.Equal(SignInOutcome.LockedOut, (await Users.SignInAsync("hank", "correct horse battery", Next())).Outcome);
        Assert.Equal(SignInOutcome.Succeeded, (await Users.SignInAsync("hank", "correct horse battery", Owner)).Outcome);

        // One guess per delay, and the delay grows with every failure up to its cap.
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SignInOutcome.Failed, (await Users.SignInAsync("hank", "guess again", Next())).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await Users.SignInAsync("hank", "guess again", Next())).Outcome);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SignInOutcome.LockedOut, (await Users.SignInAsync("hank", "guess again", Next())).Outcome);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SignInOutcome.Failed, (await Users.SignInAsync("hank", "guess again", Next())).Outcome);
        for (var i = 0; i < 10; i++)
        {
            fixture.Clock.Advance(SignInThrottle.MaxAccountDelay);
            Assert.Equal(SignInOutcome.Failed, (await Users.SignInAsync("hank", "guess again", Next())).Outcome);
        }

        fixture.Clock.Advance(SignInThrottle.MaxAccountDelay - TimeSpan.FromSeconds(1));
        Assert.Equal(SignInOutcome.LockedOut, (await Users.SignInAsync("hank", "correct horse battery", Next())).Outcome);
        Assert.Equal(SignInOutcome.Succeeded, (await Users.SignInAsync("hank", "correct horse battery", Owner)).Outcome);

        // Fifteen quiet minutes and the account is back to normal for everyone.
        fixture.Clock.Advance(SignInThrottle.LockoutDuration);
        Assert.Equal(SignInOutcome.Succeeded, (await Users.SignInAsync("hank", "correct horse battery", Next())).Outcome);
    }

    [Theory]
    [InlineData("dave", "short", "password")]
    [InlineData("dave dave", "correct horse battery", "userName")]
    [InlineData("davedavedave", "DAVEDAVEDAVE", "password")]
    public async Task Weak_passwords_and_bad_names_are_refused_on_their_field(string name, string password, string field)
    {
        var result = await Users.CreateAsync(new NewUser { UserName = name, Password = password, Role = ApplianceRoles.Viewer }, Editor.Authorized("test"));
        Assert.Equal(StoreStatus.Invalid, result.Status);
        Assert.Contains(field, result.Errors.Keys);
    }

    [Fact]
    public async Task The_last_admin_can_be_neither_demoted_nor_deleted()
    {
        var directory = new StoreFixture();
        await directory.InitializeAsync();
        try
        {
            var users = directory.Services.GetRequiredService<UserStore>();
            var only = (await users.CreateAsync(new NewUser { UserName = "root", Password = "correct horse battery", Role = ApplianceRoles.Admin }, Editor.Authorized("test"))).Value!;
            Assert.Equal(StoreStatus.Conflict, (await users.SetRoleAsync(only.Id, ApplianceRoles.Viewer, Editor.Authorized("test"))).Status);
            Assert.Equal(StoreStatus.Conflict, (await users.DeleteAsync(only.Id, Editor.Authorized("test"))).Status);

            var second = (await users.CreateAsync(new NewUser { UserName = "second", Password = "correct horse battery", Role = ApplianceRoles.Admin }, Editor.Authorized("test"))).Value!;
            Assert.Equal(StoreStatus.Ok, (await users.SetRoleAsync(only.Id, ApplianceRoles.Viewer, Editor.Authorized("test"))).Status);
            Assert.Equal(StoreStatus.Conflict, (await users.DeleteAsync(second.Id, Editor.Authorized("test"))).Status);
        }
        finally
        {
            await directory.DisposeAsync();
        }
    }

    [Fact]
    public async Task Changing_a_password_needs_the_current_one_and_nothing_secret_reaches_the_audit_trail()
    {
        await CreateAsync("erin");
        var wrong = await Users.ChangePasswordAsync("erin", "not it", "a brand new passphrase");
        Assert.Equal(StoreStatus.Invalid, wrong.Status);
        Assert.Contains("currentPassword", wrong.Errors.Keys);

        Assert.Equal(StoreStatus.Ok, (await Users.ChangePasswordAsync("erin", "correct horse battery", "a brand new passphrase")).Status);
        Assert.Equal(SignInOutcome.Succeeded, (await Users.SignInAsync("erin", "a brand new passphrase")).Outcome);

        var audit = await fixture.Services.GetRequiredService<Appliance.Data.Auditing.AuditLog>().GetLatestAsync(50);
        Assert.Contains(audit, a => a.EntityType == "user" && a.EntityName == "erin");
        Assert.All(audit, a => Assert.DoesNotContain("passphrase", (a.Before ?? "") + (a.After ?? "")));
        Assert.All(audit, a => Assert.DoesNotContain("horse", (a.Before ?? "") + (a.After ?? "")));
    }

    private async Task<string> StampOfAsync(string name) => (await Users.FindAsync(name))!.SecurityStamp;

    [Fact]
    public async Task A_new_password_a_new_role_or_ended_sessions_replace_the_security_stamp_and_nothing_else_does()
    {
        var user = await CreateAsync("frank", ApplianceRoles.Viewer);
        var stamp = await StampOfAsync("frank");
        Assert.Equal(32, stamp.Length);
        Assert.Equal(stamp, (await Users.SignInAsync("frank", "correct horse battery")).User!.SecurityStamp);

        Assert.Equal(StoreStatus.Ok, (await Users.SetRoleAsync(user.Id, ApplianceRoles.Viewer, Editor.Authorized("test"))).Status);
        Assert.Equal(stamp, await StampOfAsync("frank"));

        Assert.Equal(StoreStatus.Ok, (await Users.SetRoleAsync(user.Id, ApplianceRoles.Admin, Editor.Authorized("test"))).Status);
        var afterRole = await StampOfAsync("frank");
        Assert.NotEqual(stamp, afterRole);

        Assert.Equal(StoreStatus.Ok, (await Users.ChangePasswordAsync("frank", "correct horse battery", "a brand new passphrase")).Status);
        var afterPassword = await StampOfAsync("frank");
        Assert.NotEqual(afterRole, afterPassword);

        Assert.Equal(StoreStatus.Ok, (await Users.EndSessionsAsync(user.Id, Editor.Authorized("root"))).Status);
        var afterEnd = await StampOfAsync("frank");
        Assert.NotEqual(afterPassword, afterEnd);
        Assert.Equal(StoreStatus.NotFound, (await Users.EndSessionsAsync(999_999, Editor.Authorized("root"))).Status);

        var audit = await fixture.Services.GetRequiredService<Appliance.Data.Auditing.AuditLog>().GetLatestAsync(50);
        Assert.Contains(audit, a => a.Action == Appliance.Data.Entities.AuditAction.EndSessions && a.EntityName == "frank" && a.Actor == "root");
        foreach (var secret in new[] { stamp, afterRole, afterPassword, afterEnd })
        {
            Assert.All(audit, a => Assert.DoesNotContain(secret, (a.Before ?? "") + (a.After ?? ""), StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task An_editor_deleted_or_demoted_since_their_page_opened_changes_no_user()
    {
        await CreateAsync("anchor-admin");
        var demoted = await CreateAsync("was-admin");
        var deleted = await CreateAsync("gone-admin");
        var target = await CreateAsync("bystander", ApplianceRoles.Viewer);
        Assert.True((await Users.SetRoleAsync(demoted.Id, ApplianceRoles.Viewer, Editor.Authorized("test"))).Succeeded);
        Assert.True((await Users.DeleteAsync(deleted.Id, Editor.Authorized("test"))).Succeeded);

        foreach (var editor in new[] { Editor.SignedIn("was-admin"), Editor.SignedIn("gone-admin"), Editor.SignedIn("never-was") })
        {
            var created = await Users.CreateAsync(new NewUser { UserName = "planted", Password = "correct horse battery", Role = ApplianceRoles.Admin }, editor);
            Assert.Equal(StoreStatus.Forbidden, created.Status);
            Assert.Equal(StoreStatus.Forbidden, (await Users.SetRoleAsync(target.Id, ApplianceRoles.Admin, editor)).Status);
            Assert.Equal(StoreStatus.Forbidden, (await Users.EndSessionsAsync(target.Id, editor)).Status);
            Assert.Equal(StoreStatus.Forbidden, (await Users.DeleteAsync(target.Id, editor)).Status);
        }

        Assert.Null(await Users.FindAsync("planted"));
        Assert.Equal(ApplianceRoles.Viewer, (await Users.FindAsync("bystander"))!.User.Role);

        // A signed-in Admin who still is one goes ahead.
        await CreateAsync("still-admin");
        Assert.Equal(StoreStatus.Ok, (await Users.SetRoleAsync(target.Id, ApplianceRoles.Admin, Editor.SignedIn("Still-Admin"))).Status);
    }

    [Fact]
    public async Task Wrong_current_passwords_count_as_failed_sign_ins_from_their_address()
    {
        await CreateAsync("ivan", ApplianceRoles.Viewer);
        var thief = IPAddress.Parse("198.51.100.77");
        for (var i = 1; i <= SignInThrottle.MaxFailuresPerAddress; i++)
        {
            var wrong = await Users.ChangePasswordAsync("ivan", "guess " + i, "a stolen new passphrase", thief);
            Assert.Equal([UserStore.WrongCurrentPassword], wrong.Errors["currentPassword"]);
        }

        // The sixth is refused unchecked, right or not, and so is a sign-in from the same address.
        var right = await Users.ChangePasswordAsync("ivan", "correct horse battery", "a stolen new passphrase", thief);
        Assert.Equal([UserStore.WrongCurrentPassword], right.Errors["currentPassword"]);
        Assert.Equal(SignInOutcome.LockedOut, (await Users.SignInAsync("ivan", "correct horse battery", thief)).Outcome);
        Assert.Equal(SignInOutcome.Succeeded, (await Users.SignInAsync("ivan", "correct horse battery", Owner)).Outcome);
    }
}
