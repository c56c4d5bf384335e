using System.Security.Cryptography;
using System.Text;

namespace Appliance.Data.TwoFactor;

/// <summary>
/// One-time codes for the day the phone is lost: <see cref="Count"/> per user, shown once, kept
/// only as salted SHA-256 hashes. A code is 12 characters of Crockford's base32 without look-alikes
/// (about 59 bits), so a fast hash is enough: a stolen table would take years per code to reverse,
/// and checking one against ten stored codes costs microseconds rather than ten password hashes.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;

    private const string Alphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
    private const int GroupLength = 4;
    private const int Groups = 3;
    private const int SaltBytes = 16;

    /// <summary><see cref="Count"/> new codes, formatted <c>ABCD-EFGH-JKMN</c>.</summary>
    public static IReadOnlyList<string> Generate() =>
        [.. Enumerable.Range(0, Count).Select(_ => string.Join('-', Enumerable.Range(0, Groups).Select(_ => RandomNumberGenerator.GetString(Alphabet, GroupLength))))];

    /// <summary>The stored form of <paramref name="code"/>: hex salt, a colon, hex SHA-256 of salt and normalised code.</summary>
    public static string Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return Convert.ToHexStringLower(salt) + ":" + Convert.ToHexStringLower(Digest(salt, Normalize(code)));
    }

    /// <summary>True when <paramref name="presented"/> is the code behind <paramref name="stored"/>, in constant time.</summary>
    public static bool Matches(string stored, string presented)
    {
        var parts = stored.Split(':');
        if (parts.Length != 2)
        {
            return false;
        }

        var salt = Convert.FromHexString(parts[0]);
        return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(parts[1]), Digest(salt, Normalize(presented)));
    }

    /// <summary>True when <paramref name="presented"/> could be a recovery code: 12 letters and digits, dashes and spaces aside.</summary>
    public static bool IsCodeShaped(string? presented) =>
        presented is not null && Normalize(presented) is { Length: GroupLength * Groups } normalized && normalized.All(char.IsAsciiLetterOrDigit);

    // Typed by hand from a printout: case, dashes and spaces do not matter.
    private static string Normalize(string code) =>
        new([.. code.Where(c => c != '-' && !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant)]);

    private static byte[] Digest(byte[] salt, string normalized) =>
        SHA256.HashData([.. salt, .. Encoding.ASCII.GetBytes(normalized)]);
}
