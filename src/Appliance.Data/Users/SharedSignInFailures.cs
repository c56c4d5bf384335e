using System.Security.Cryptography;
using System.Text;
using Appliance.Data.Counters;

namespace Appliance.Data.Users;

/// <summary>
/// Failed sign-ins counted across nodes (Redis, <see cref="SharedCounters"/>) by the rules of
/// <see cref="SignInThrottle"/>, which still counts on each node and decides alone while Redis
/// cannot answer: per name and address, a lockout after <see cref="SignInThrottle.MaxFailuresPerAddress"/>
/// failures; per name, the slow-down after <see cref="SignInThrottle.AccountSlowdownAfter"/>. Counts
/// expire <see cref="SignInThrottle.LockoutDuration"/> after their last failure, as on a node. Keys
/// carry a hash of the name, never the name: Redis holds no list of names people tried. Every answer
/// is null when Redis could not be asked.
/// </summary>
internal sealed class SharedSignInFailures(SharedCounters shared)
{
    public bool IsEnabled => shared.IsEnabled;

    /// <summary>
    /// False when the counts of every node refuse this attempt unchecked; otherwise it is counted as
    /// a failure (until forgiven) and true.
    /// </summary>
    public async ValueTask<bool?> BeginAsync(SignInAttempt attempt, bool fromKnownAddress)
    {
        var (pairKey, accountKey, delayKey) = Keys(attempt);
        if (!fromKnownAddress && await shared.TimeLeftAsync(delayKey) is var delay && delay != TimeSpan.Zero)
        {
            return delay is null ? null : false;
        }

        var pair = await shared.IncrementAsync(pairKey, SignInThrottle.LockoutDuration, sliding: true);
        if (pair > SignInThrottle.MaxFailuresPerAddress)
        {
            await shared.DecrementAsync(pairKey);
            return false;
        }

        var account = await shared.IncrementAsync(accountKey, SignInThrottle.LockoutDuration, sliding: true);
        if (pair is null || account is null)
        {
            return null;
        }

        // A slowed-down account: this attempt takes the slot at once, on every node.
        if (account > SignInThrottle.AccountSlowdownAfter && !fromKnownAddress)
        {
            await shared.RaiseAsync(delayKey, SignInThrottle.DelayAfter((int)account));
        }

        return true;
    }

    /// <summary>The password was wrong: it stays counted. The failures of the pair and of the name, every node's.</summary>
    public async ValueTask<(long Pair, long Account)?> FailAsync(SignInAttempt attempt)
    {
        var (pairKey, accountKey, delayKey) = Keys(attempt);
        var pair = await shared.ReadAsync(pairKey);
        var account = await shared.ReadAsync(accountKey);
        if (pair is null || account is null)
        {
            return null;
        }

        if (account >= SignInThrottle.AccountSlowdownAfter)
        {
            await shared.RaiseAsync(delayKey, SignInThrottle.DelayAfter((int)account));
        }

        return (pair.Value, account.Value);
    }

    /// <summary>The right password: the pair starts afresh, the name keeps the others' failures.</summary>
    public async ValueTask SucceedAsync(SignInAttempt attempt)
    {
        var (pairKey, accountKey, _) = Keys(attempt);
        await shared.DeleteAsync(pairKey);
        await shared.DecrementAsync(accountKey);
    }

    /// <summary>The attempt was counted here but refused by this node's own counts: it no longer counts.</summary>
    public async ValueTask ForgetAsync(SignInAttempt attempt)
    {
        var (pairKey, accountKey, _) = Keys(attempt);
        await shared.DecrementAsync(pairKey);
        await shared.DecrementAsync(accountKey);
    }

    private static (string Pair, string Account, string Delay) Keys(SignInAttempt attempt)
    {
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(attempt.UserName)));
        return ("sign-in:failures:" + name + ":" + attempt.Address, "sign-in:failures:" + name, "sign-in:slowed:" + name);
    }
}
