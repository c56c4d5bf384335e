using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Appliance.Engine.Challenge;

/// <summary>
/// Seals and opens challenges and clearances with the Data Protection key ring, so the server
/// keeps no state per client and every node of a cluster (which shares the ring) accepts what any
/// node issued. Sealing is authenticated encryption: a client can neither read nor change a field,
/// and the keys never leave the ring. Challenges and clearances use different purposes, so one can
/// never be passed off as the other.
/// </summary>
public sealed class ChallengeTokens
{
    /// <summary>How long a page's challenge can be answered: minutes of proof work at most, then a fresh page.</summary>
    internal static readonly TimeSpan AnswerWindow = TimeSpan.FromMinutes(5);

    private const char Separator = '|';
    private readonly IDataProtector _challenges;
    private readonly IDataProtector _clearances;
    private readonly TimeProvider _time;

    /// <summary>Takes the key ring's provider; nothing is derived until a token is sealed.</summary>
    public ChallengeTokens(IDataProtectionProvider provider, TimeProvider time)
    {
        _challenges = provider.CreateProtector("Appliance.Challenge.v1");
        _clearances = provider.CreateProtector("Appliance.Challenge.Clearance.v1");
        _time = time;
    }

    /// <summary>A fresh challenge for <paramref name="address"/>, sealed.</summary>
    internal string Issue(string address, int difficulty, int validMinutes)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var issued = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return _challenges.Protect(string.Join(Separator, nonce, issued, address, difficulty.ToString(CultureInfo.InvariantCulture), validMinutes.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Opens a challenge this ring sealed; null for anything else (forged, altered, truncated).</summary>
    internal ChallengeTicket? Open(string token)
    {
        var fields = Unprotect(_challenges, token)?.Split(Separator);
        if (fields is not { Length: 5 }
            || !long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            || !int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var difficulty)
            || !int.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var validMinutes))
        {
            return null;
        }

        return new ChallengeTicket(fields[0], DateTimeOffset.FromUnixTimeSeconds(issued), fields[2], difficulty, validMinutes);
    }

    /// <summary>Whether <paramref name="ticket"/> can still be answered, by <paramref name="address"/>.</summary>
    internal bool IsFresh(ChallengeTicket ticket, string address)
    {
        var age = _time.GetUtcNow() - ticket.IssuedAt;
        return age >= -TimeSpan.FromMinutes(1) && age <= AnswerWindow && string.Equals(ticket.Address, address, StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether SHA-256 of the token's UTF-8 bytes followed by the counter's decimal digits begins
    /// with <paramref name="difficulty"/> zero hex digits: the work the page's script does.
    /// </summary>
    internal static bool IsProof(string token, string counter, int difficulty)
    {
        if (counter.Length is 0 or > 12 || !counter.All(char.IsAsciiDigit))
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(token + counter), hash);
        for (var digit = 0; digit < difficulty; digit++)
        {
            var nibble = digit % 2 == 0 ? hash[digit / 2] >> 4 : hash[digit / 2] & 0x0F;
            if (nibble != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A clearance for <paramref name="address"/>, good for <paramref name="validMinutes"/>, sealed.</summary>
    internal string Clear(string address, int validMinutes)
    {
        var expiry = _time.GetUtcNow().AddMinutes(validMinutes).ToUnixTimeSeconds();
        return _clearances.Protect(string.Join(Separator, address, expiry.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>Whether <paramref name="cookie"/> is a clearance this ring sealed, for <paramref name="address"/>, not yet expired.</summary>
    internal bool IsCleared(string? cookie, string address)
    {
        if (string.IsNullOrEmpty(cookie))
        {
            return false;
        }

        var fields = Unprotect(_clearances, cookie)?.Split(Separator);
        return fields is { Length: 2 }
            && string.Equals(fields[0], address, StringComparison.Ordinal)
            && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expiry)
            && _time.GetUtcNow().ToUnixTimeSeconds() < expiry;
    }

    // Anything a client sends may be garbage; a bounded length keeps a flood of huge cookies cheap.
    private static string? Unprotect(IDataProtector protector, string value)
    {
        if (value.Length > 1024)
        {
            return null;
        }

        try
        {
            return protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
