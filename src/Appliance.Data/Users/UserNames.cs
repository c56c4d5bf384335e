namespace Appliance.Data.Users;

/// <summary>
/// The one comparable form of a user name: the store keeps names unique in it and the sign-in
/// throttle counts under it, so "Ops", "ops " and "OPS" are one user and one counter everywhere.
/// </summary>
internal static class UserNames
{
    public static string Normalize(string? userName) => (userName ?? "").Trim().ToUpperInvariant();
}
