namespace Appliance.Data.Users;

/// <summary>The outcome of a sign-in attempt, and on success the user with their security stamp.</summary>
public sealed record SignInResult(SignInOutcome Outcome, SessionUser? User = null);
