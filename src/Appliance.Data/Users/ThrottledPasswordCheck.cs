using System.Net;
using Appliance.Data.Entities;
using Appliance.Data.Passwords;

namespace Appliance.Data.Users;

/// <summary>
/// Checks a user's password through the <see cref="SignInGate"/>: the sign-in page, the
/// change-password page and the two-factor pages ask here alike, so that a stolen cookie guesses
/// the real password no faster than a stranger at the sign-in page. Every path pays one password
/// hash, a user who does not exist and a refused attempt included, so the time taken tells nothing.
/// </summary>
internal sealed class ThrottledPasswordCheck(SignInGate gate)
{
    // Checked against when there is no user or the attempt is refused.
    private static readonly string DummyHash = PasswordHashes.Hash("not-a-password-anyone-has");

    /// <summary>
    /// Succeeded (and whether the stored hash should be renewed), Failed for a wrong password or an
    /// unknown user, LockedOut when the throttle refused the attempt unchecked or this failure locked
    /// its address. With <paramref name="forgiveOnSuccess"/> false a right password stays counted as
    /// a failure: a user with two-factor is forgiven only once their code is right too
    /// (<see cref="SignInGate.ForgiveAsync"/>), so that signing in with the password again cannot
    /// reset the count of wrong codes.
    /// </summary>
    public async ValueTask<(SignInOutcome Outcome, bool RehashNeeded)> CheckAsync(
        string normalizedUserName, UserEntity? user, string? password, IPAddress? clientAddress, bool forgiveOnSuccess = true)
    {
        var gated = await gate.BeginAsync(normalizedUserName, IsKnownAddress(user, clientAddress), clientAddress);
        if (!gated.Allowed)
        {
            PasswordHashes.Verify(DummyHash, password ?? "");
            return (SignInOutcome.LockedOut, false);
        }

        var (matches, rehashNeeded) = PasswordHashes.Verify(user?.PasswordHash ?? DummyHash, password ?? "");
        if (user is null || !matches)
        {
            return (await gate.FailAsync(gated), false);
        }

        if (forgiveOnSuccess)
        {
            await gate.SucceedAsync(gated);
        }

        return (SignInOutcome.Succeeded, rehashNeeded);
    }

    // The owner's usual places: exempt from the slow-down a distributed guess brings.
    internal static bool IsKnownAddress(UserEntity? user, IPAddress? clientAddress) =>
        user is not null && RecentSignInAddresses.Contains(user.RecentSignInAddresses, clientAddress);
}
