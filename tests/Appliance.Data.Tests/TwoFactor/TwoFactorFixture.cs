using System.Net;
using Appliance.Data.Model;
using Appliance.Data.Tests.Store;
using Appliance.Data.TwoFactor;
using Appliance.Data.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.TwoFactor;

/// <summary>The stores of two-factor sign-in on a real database and a clock the tests move, with helpers to make enrolled users.</summary>
public sealed class TwoFactorFixture : StoreFixture
{
    public const string Password = "correct horse battery";

    public UserStore Users => Services.GetRequiredService<UserStore>();

    public TwoFactorStore TwoFactor => Services.GetRequiredService<TwoFactorStore>();

    public TwoFactorSignIn SignIn => Services.GetRequiredService<TwoFactorSignIn>();

    public TwoFactorAdministration Administration => Services.GetRequiredService<TwoFactorAdministration>();

    public SignInThrottle Throttle => Services.GetRequiredService<SignInThrottle>();

    public async Task<UserInfo> CreateUserAsync(string name, string role = ApplianceRoles.Viewer) =>
        (await Users.CreateAsync(new NewUser { UserName = name, Password = Password, Role = role }, Editor.Authorized("test"))).Value
        ?? throw new InvalidOperationException("not created");

    /// <summary>A user with two-factor on; its secret and recovery codes. The clock moves on a step, so the next code is fresh.</summary>
    public async Task<(byte[] Secret, IReadOnlyList<string> RecoveryCodes)> CreateEnrolledUserAsync(string name, string role = ApplianceRoles.Viewer)
    {
        await CreateUserAsync(name, role);
        var setup = (await TwoFactor.BeginSetupAsync(name)).Value!;
        var secret = TotpCodes.FromBase32(setup.Secret);
        var confirmed = await TwoFactor.ConfirmSetupAsync(name, Password, TotpCodes.CodeAt(secret, Clock.GetUtcNow()), IPAddress.Loopback);
        Assert.True(confirmed.Succeeded, string.Join(" ", confirmed.Errors.SelectMany(e => e.Value)));
        NextStep();
        return (secret, confirmed.Value!.Codes);
    }

    /// <summary>The code of the step the clock is in.</summary>
    public string CodeNow(byte[] secret) => TotpCodes.CodeAt(secret, Clock.GetUtcNow());

    public void NextStep() => Clock.Advance(TimeSpan.FromSeconds(TotpCodes.StepSeconds));

    /// <summary>Password, then <paramref name="code"/>: the outcome of the second step (null when it can no longer finish).</summary>
    public async Task<SignInOutcome?> SignInWithCodeAsync(string name, string code, IPAddress address)
    {
        var first = await Users.SignInAsync(name, Password, address);
        if (first.Outcome != SignInOutcome.SecondFactorNeeded)
        {
            return first.Outcome;
        }

        return (await SignIn.VerifyAsync(name, first.User!.SecurityStamp, code, address))?.Outcome;
    }
}
