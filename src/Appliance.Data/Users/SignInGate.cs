using System.Net;

namespace Appliance.Data.Users;

/// <summary>
/// The steps every secret a user proves at sign-in goes through, a password or a two-factor code
/// alike: begin (refused unchecked when the name and address are locked out or the name is slowed
/// down; otherwise counted as a failure until forgiven), then fail or succeed. Each step asks this
/// node's <see cref="SignInThrottle"/> and, with Redis, every node's counts
/// (<see cref="SharedSignInFailures"/>), which alone decide while Redis cannot answer.
/// </summary>
internal sealed class SignInGate(SignInThrottle throttle, SharedSignInFailures shared)
{
    /// <summary>Counts an attempt for <paramref name="normalizedUserName"/> from <paramref name="clientAddress"/>, or refuses it.</summary>
    public async ValueTask<GatedAttempt> BeginAsync(string normalizedUserName, bool fromKnownAddress, IPAddress? clientAddress)
    {
        var attempt = new SignInAttempt(true, normalizedUserName, Networking.AddressKeys.ThrottleKey(clientAddress));
        var sharedCounted = shared.IsEnabled ? await shared.BeginAsync(attempt, fromKnownAddress) : null;
        if (sharedCounted == false)
        {
            return new GatedAttempt(attempt with { Allowed = false }, SharedCounted: false);
        }

        attempt = throttle.Begin(normalizedUserName, clientAddress, fromKnownAddress);
        if (!attempt.Allowed && sharedCounted == true)
        {
            await shared.ForgetAsync(attempt);
            return new GatedAttempt(attempt, SharedCounted: false);
        }

        return new GatedAttempt(attempt, sharedCounted == true);
    }

    /// <summary>The secret was wrong: the attempt stays counted. Failed, or LockedOut when it locked its address.</summary>
    public async ValueTask<SignInOutcome> FailAsync(GatedAttempt gated)
    {
        var everyNode = gated.SharedCounted ? await shared.FailAsync(gated.Attempt) : null;
        return throttle.Fail(gated.Attempt, everyNode) ? SignInOutcome.LockedOut : SignInOutcome.Failed;
    }

    /// <summary>The secret was right: the attempt is forgiven and its address starts afresh.</summary>
    public async ValueTask SucceedAsync(GatedAttempt gated)
    {
        throttle.Succeed(gated.Attempt);
        if (gated.SharedCounted)
        {
            await shared.SucceedAsync(gated.Attempt);
        }
    }

    /// <summary>
    /// Forgives an earlier attempt that was right but left counted until a later step proved the
    /// rest: a password whose two-factor code has now been given, from <paramref name="clientAddress"/>.
    /// </summary>
    public ValueTask ForgiveAsync(string normalizedUserName, IPAddress? clientAddress) =>
        SucceedAsync(new GatedAttempt(new SignInAttempt(true, normalizedUserName, Networking.AddressKeys.ThrottleKey(clientAddress)), shared.IsEnabled));
}
