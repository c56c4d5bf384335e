using System.Net;
using Microsoft.Extensions.Logging;

namespace Appliance.Data.Users;

/// <summary>
/// Failed sign-ins, counted so that guessing is slow without letting a guesser lock the owner out.
/// <list type="bullet">
/// <item>Per user name and client address: after <see cref="MaxFailuresPerAddress"/> failures that
/// pair is refused for <see cref="LockoutDuration"/>. Other addresses are not affected.</item>
/// <item>Per user name, from every address: after <see cref="AccountSlowdownAfter"/> failures at
/// most one password is checked per delay, a delay that doubles with every further failure up to
/// <see cref="MaxAccountDelay"/>; the networks of the user's last few sign-ins are exempt
/// (<see cref="RecentSignInAddresses"/>), so a distributed guess crawls while the owner at their
/// usual places still gets in. There only the per-address rule above can refuse them.</item>
/// </list>
/// Names are counted whether or not the user exists, so the answers do not tell which names do.
/// Attempts are counted as failures when they begin and forgiven on success, so that parallel
/// requests cannot slip past a limit. The state is in memory, per node, bounded to
/// <see cref="MaxTracked"/> names and as many name-and-address pairs; counts are forgotten
/// <see cref="LockoutDuration"/> after their last failure, and on restart.
/// </summary>
public sealed partial class SignInThrottle(TimeProvider time, ILogger<SignInThrottle> logger)
{
    public const int MaxFailuresPerAddress = 5;
    public const int AccountSlowdownAfter = 20;
    public const int MaxTracked = 10_000;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxAccountDelay = TimeSpan.FromSeconds(60);

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Name, string Address), SignInCounter> _pairs = [];
    private readonly Dictionary<string, SignInCounter> _accounts = new(StringComparer.Ordinal);

    /// <summary>Names and name-and-address pairs currently tracked.</summary>
    internal int TrackedCount
    {
        get
        {
            lock (_lock)
            {
                return _pairs.Count + _accounts.Count;
            }
        }
    }

    /// <summary>
    /// Decides whether the password of this attempt may be checked at all, and if so counts it as a
    /// failure until <see cref="Succeed"/> forgives it.
    /// </summary>
    /// <param name="userName">The name as typed; counted whether or not such a user exists.</param>
    /// <param name="address">The client's address.</param>
    /// <param name="fromKnownAddress">The attempt comes from one of the user's recent sign-in networks.</param>
    public SignInAttempt Begin(string userName, IPAddress? address, bool fromKnownAddress)
    {
        var attempt = new SignInAttempt(true, UserNames.Normalize(userName), Networking.AddressKeys.ThrottleKey(address));
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var pair = Current(_pairs, (attempt.UserName, attempt.Address), now);
            var account = Current(_accounts, attempt.UserName, now);
            if (pair?.Failures >= MaxFailuresPerAddress || (!fromKnownAddress && account?.NextCheckAt > now))
            {
                return attempt with { Allowed = false };
            }

            pair ??= Add(_pairs, (attempt.UserName, attempt.Address), static (counter, _) => counter.IsLockingPair);
            account ??= Add(_accounts, attempt.UserName, static (counter, now) => counter.IsSlowingName(now));
            pair.Count(now);
            account.Count(now);

            // A slowed-down account: this attempt takes the slot at once, or parallel ones would share it.
            if (account.Failures > AccountSlowdownAfter && !fromKnownAddress)
            {
                account.NextCheckAt = now + DelayAfter(account.Failures);
            }

            return attempt;
        }
    }

    /// <summary>
    /// The attempt's password was wrong: it stays counted. True when it locked its address out.
    /// </summary>
    public bool Fail(SignInAttempt attempt) => Fail(attempt, shared: null);

    /// <summary>
    /// As <see cref="Fail(SignInAttempt)"/>, with the failures every node counted (Redis) when known:
    /// those decide the lockout and what is logged, so that a lockout reached on several nodes
    /// together is logged once, by the node whose failure reached it.
    /// </summary>
    internal bool Fail(SignInAttempt attempt, (long Pair, long Account)? shared)
    {
        if (!attempt.Allowed)
        {
            return true;
        }

        var now = time.GetUtcNow();
        int pairFailures;
        var accountFailures = 0;
        lock (_lock)
        {
            pairFailures = _pairs.TryGetValue((attempt.UserName, attempt.Address), out var pair) ? pair.Failures : 0;
            if (_accounts.TryGetValue(attempt.UserName, out var account))
            {
                accountFailures = account.Failures;
                if (accountFailures >= AccountSlowdownAfter)
                {
                    account.NextCheckAt = now + DelayAfter(accountFailures);
                }
            }
        }

        var (pairCount, accountCount) = shared ?? (pairFailures, accountFailures);
        if (pairCount == MaxFailuresPerAddress)
        {
            LogAddressLocked(attempt.UserName, attempt.Address, MaxFailuresPerAddress, LockoutDuration.TotalMinutes);
        }

        if (accountCount == AccountSlowdownAfter)
        {
            LogAccountSlowed(attempt.UserName, AccountSlowdownAfter);
        }

        return Math.Max(pairCount, pairFailures) >= MaxFailuresPerAddress;
    }

    /// <summary>The right password: this attempt is forgiven and its address starts afresh.</summary>
    public void Succeed(SignInAttempt attempt)
    {
        lock (_lock)
        {
            _pairs.Remove((attempt.UserName, attempt.Address));

            // The account keeps the others' failures: the owner getting in does not reopen the door
            // to a guesser, only time does.
            if (_accounts.TryGetValue(attempt.UserName, out var account) && account.Failures > 0)
            {
                account.Failures--;
            }
        }
    }

    /// <summary>Failed sign-ins for <paramref name="userName"/> from every address in the last <see cref="LockoutDuration"/>.</summary>
    public int RecentFailures(string userName)
    {
        lock (_lock)
        {
            return Current(_accounts, UserNames.Normalize(userName), time.GetUtcNow())?.Failures ?? 0;
        }
    }

    // 1 s at the threshold, doubling with each further failure, capped.
    internal static TimeSpan DelayAfter(int failures)
    {
        var doublings = Math.Min(failures - AccountSlowdownAfter, 16);
        return TimeSpan.FromSeconds(Math.Min(Math.Pow(2, doublings), MaxAccountDelay.TotalSeconds));
    }

    private static SignInCounter? Current<TKey>(Dictionary<TKey, SignInCounter> counters, TKey key, DateTimeOffset now)
        where TKey : notnull
    {
        if (!counters.TryGetValue(key, out var counter))
        {
            return null;
        }

        if (counter.IsExpired(now))
        {
            counters.Remove(key);
            return null;
        }

        return counter;
    }

    // isLocking: whether a counter of this table refuses anything now (pairs and names differ).
    private SignInCounter Add<TKey>(Dictionary<TKey, SignInCounter> counters, TKey key, Func<SignInCounter, DateTimeOffset, bool> isLocking)
        where TKey : notnull
    {
        if (counters.Count >= MaxTracked)
        {
            Evict(counters, isLocking);
        }

        var counter = new SignInCounter();
        counters[key] = counter;
        return counter;
    }

    // Full: forget what has run out, then the oldest counters, those that refuse nothing first, down
    // to 90 %. A spray of new names or addresses thus pushes out other sprayed entries, not a live
    // lockout, unless there are more live lockouts than room.
    private void Evict<TKey>(Dictionary<TKey, SignInCounter> counters, Func<SignInCounter, DateTimeOffset, bool> isLocking)
        where TKey : notnull
    {
        var now = time.GetUtcNow();
        var target = MaxTracked * 9 / 10;
        foreach (var (key, _) in counters.Where(c => c.Value.IsExpired(now)).ToArray())
        {
            counters.Remove(key);
        }

        var victims = counters
            .OrderBy(c => isLocking(c.Value, now) ? 1 : 0)
            .ThenBy(c => c.Value.LastFailureAt)
            .Take(Math.Max(0, counters.Count - target))
            .Select(c => c.Key)
            .ToArray();
        foreach (var key in victims)
        {
            counters.Remove(key);
        }
    }

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Sign-ins as '{UserName}' from {Address} are refused for {Minutes} minutes after {Failures} failed attempts.")]
    private partial void LogAddressLocked(string userName, string address, int failures, double minutes);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "Sign-ins as '{UserName}' are slowed down after {Failures} failed attempts from several addresses; the networks of the user's recent sign-ins are exempt.")]
    private partial void LogAccountSlowed(string userName, int failures);
}
