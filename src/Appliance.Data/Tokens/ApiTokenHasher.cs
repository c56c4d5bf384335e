using System.Security.Cryptography;
using System.Text;

namespace Appliance.Data.Tokens;

/// <summary>
/// Tokens are long random strings, so one unsalted SHA-256 is enough to make the stored form
/// useless to a reader of the database, while still allowing a lookup by hash.
/// </summary>
public static class ApiTokenHasher
{
    /// <summary>Lower-case hex SHA-256 of the token's UTF-8 bytes.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A new token: a recognisable prefix and 256 random bits.</summary>
    public static string NewToken() => "apl_" + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
