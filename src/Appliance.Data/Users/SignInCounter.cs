namespace Appliance.Data.Users;

/// <summary>Failed sign-ins of one user name, or of one user name from one address.</summary>
internal sealed class SignInCounter
{
    public int Failures { get; set; }

    public DateTimeOffset LastFailureAt { get; private set; }

    /// <summary>Before this, a slowed-down account has no password checked (but from the user's own address).</summary>
    public DateTimeOffset NextCheckAt { get; set; }

    public void Count(DateTimeOffset now)
    {
        Failures++;
        LastFailureAt = now;
    }

    /// <summary>As a name-and-address pair's counter, refusing that pair now: worth keeping when memory is full.</summary>
    public bool IsLockingPair => Failures >= SignInThrottle.MaxFailuresPerAddress;

    /// <summary>
    /// As a name's counter, slowing that name down now. A name's failures refuse nothing below the
    /// slow-down threshold, however many an address may have, so only the delay counts here.
    /// </summary>
    public bool IsSlowingName(DateTimeOffset now) => NextCheckAt > now;

    /// <summary>Quiet for a lockout's length and not delaying anything: forgotten.</summary>
    public bool IsExpired(DateTimeOffset now) => now - LastFailureAt >= SignInThrottle.LockoutDuration && now >= NextCheckAt;
}
