namespace Appliance.Data.Users;

/// <summary>The outcome of a sign-in attempt, the user on success, the end of the lock when locked out.</summary>
public sealed record SignInResult(SignInOutcome Outcome, UserInfo? User = null, DateTimeOffset? LockedUntil = null);
