namespace Appliance.Web.Auth.TwoFactor;

/// <summary>
/// A sign-in whose password was right and whose second step is still to come: whose it is, the
/// user's security stamp at that moment (a new password, ended sessions or a reset in between end
/// it too), what must follow, where to go afterwards, and until when it may follow. Never a session.
/// </summary>
public sealed record PendingSignIn(string UserName, string SecurityStamp, PendingSignInPurpose Purpose, string ReturnUrl, DateTimeOffset ExpiresAt);
