namespace Appliance.Data.Users;

/// <summary>
/// A user as their sign-in sessions see them: who they are, and the security stamp every session
/// of theirs must carry to stay valid. The stamp is never listed, audited or shown.
/// </summary>
public sealed record SessionUser(UserInfo User, string SecurityStamp);
