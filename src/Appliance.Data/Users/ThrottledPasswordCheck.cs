using System.Net;
using Appliance.Data.Entities;
using Appliance.Data.Passwords;

namespace Appliance.Data.Users;

/// <summary>
/// Checks a user's password through the <see cref="SignInThrottle"/>: the sign-in page and the
/// change-password page ask here alike, so that a stolen cookie guesses the real password no faster
/// than a stranger at the sign-in page. Every path pays one password hash, a user who does not exist
/// and a refused attempt included, so the time taken tells nothing.
/// </summary>
internal sealed class ThrottledPasswordCheck(SignInThrottle throttle, SharedSignInFailures shared)
{
    // Checked against when there is no user or the attempt is refused.
    private static readonly string DummyHash = PasswordHashes.Hash("not-a-password-anyone-has");

    /// <summary>
    /// Succeeded (and whether the stored hash should be renewed), Failed for a wrong password or an
    /// unknown user, LockedOut when the throttle refused the attempt unchecked or this failure locked
    /// its address. With Redis the failures of every node count (<see cref="SharedSignInFailures"/>);
    /// this node's own counts decide too, and alone while Redis cannot answer.
    /// </summary>
    public async ValueTask<(SignInOutcome Outcome, bool RehashNeeded)> CheckAsync(string normalizedUserName, UserEntity? user, string? password, IPAddress? clientAddress)
    {
        var fromKnownAddress = IsKnownAddress(user, clientAddress);
        var attempt = new SignInAttempt(true, normalizedUserName, Networking.AddressKeys.ThrottleKey(clientAddress));
        var sharedCounted = shared.IsEnabled ? await shared.BeginAsync(attempt, fromKnownAddress) : null;
        if (sharedCounted != false)
        {
            attempt = throttle.Begin(normalizedUserName, clientAddress, fromKnownAddress);
            if (!attempt.Allowed && sharedCounted == true)
            {
                await shared.ForgetAsync(attempt);
            }
        }

        if (sharedCounted == false || !attempt.Allowed)
        {
            PasswordHashes.Verify(DummyHash, password ?? "");
            return (SignInOutcome.LockedOut, false);
        }

        var (matches, rehashNeeded) = PasswordHashes.Verify(user?.PasswordHash ?? DummyHash, password ?? "");
        if (user is null || !matches)
        {
            var everyNode = sharedCounted == true ? await shared.FailAsync(attempt) : null;
            return (throttle.Fail(attempt, everyNode) ? SignInOutcome.LockedOut : SignInOutcome.Failed, false);
        }

        throttle.Succeed(attempt);
        if (sharedCounted == true)
        {
            await shared.SucceedAsync(attempt);
        }

        return (SignInOutcome.Succeeded, rehashNeeded);
    }

    // The owner's usual places: exempt from the slow-down a distributed guess brings.
    private static bool IsKnownAddress(UserEntity? user, IPAddress? clientAddress) =>
        user is not null && RecentSignInAddresses.Contains(user.RecentSignInAddresses, clientAddress);
}
