namespace Appliance.Data.Users;

/// <summary>How a sign-in attempt ended.</summary>
public enum SignInOutcome
{
    Succeeded,

    /// <summary>Unknown user or wrong password: the two are not told apart.</summary>
    Failed,

    /// <summary>Too many failures: no password is checked until the lock ends.</summary>
    LockedOut,
}
