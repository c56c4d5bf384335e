namespace Appliance.Data.Users;

/// <summary>How a sign-in attempt ended.</summary>
public enum SignInOutcome
{
    Succeeded,

    /// <summary>Unknown user or wrong password: the two are not told apart.</summary>
    Failed,

    /// <summary>
    /// Too many failures from this address, or a slowed-down account: the password was not checked
    /// (or this failure was the one that locked the address). Sign-in pages show the same answer as
    /// for <see cref="Failed"/>.
    /// </summary>
    LockedOut,

    /// <summary>
    /// The password was right and the user has two-factor sign-in: a code from their authenticator
    /// (or a recovery code) must follow before there is a session.
    /// </summary>
    SecondFactorNeeded,

    /// <summary>
    /// The password was right, an Admin requires two-factor of everyone, and this user has none yet:
    /// they set up an authenticator before there is a session.
    /// </summary>
    EnrolmentNeeded,
}
