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

    /// <summary>Refusing something now: worth keeping when memory is full.</summary>
    public bool IsLocking(DateTimeOffset now) => Failures >= SignInThrottle.MaxFailuresPerAddress || NextCheckAt > now;

    /// <summary>Quiet for a lockout's length and not delaying anything: forgotten.</summary>
    public bool IsExpired(DateTimeOffset now) => now - LastFailureAt >= SignInThrottle.LockoutDuration && now >= NextCheckAt;
}
