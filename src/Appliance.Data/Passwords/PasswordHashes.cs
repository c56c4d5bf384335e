using Microsoft.AspNetCore.Identity;

namespace Appliance.Data.Passwords;

/// <summary>
/// The one password hash of the appliance, for admin users and basic-auth users alike: ASP.NET Core
/// Identity's format (PBKDF2, salted, versioned), slow by design. Identity's hasher ignores the
/// user object, so none is needed.
/// </summary>
public static class PasswordHashes
{
    private static readonly PasswordHasher<object> Hasher = new();
    private static readonly object NoUser = new();

    public static string Hash(string password) => Hasher.HashPassword(NoUser, password);

    /// <summary>Whether <paramref name="password"/> matches <paramref name="hash"/>, and whether the hash should be renewed in the current format.</summary>
    public static (bool Matches, bool RehashNeeded) Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(NoUser, hash, password) switch
        {
            PasswordVerificationResult.Success => (true, false),
            PasswordVerificationResult.SuccessRehashNeeded => (true, true),
            _ => (false, false),
        };
}
