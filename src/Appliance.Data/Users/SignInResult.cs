namespace Appliance.Data.Users;

/// <summary>The outcome of a sign-in attempt, the user and their security stamp on success, the end of the lock when locked out.</summary>
public sealed record SignInResult(SignInOutcome Outcome, SessionUser? User = null, DateTimeOffset? LockedUntil = null);
