using System.Security.Cryptography;
using OtpNet;

namespace Appliance.Data.TwoFactor;

/// <summary>
/// Time-based one-time passwords as RFC 6238 and every authenticator app have them: HMAC-SHA1,
/// 30-second steps, 6 digits, and a code of the step before or after the current one accepted too,
/// for a phone whose clock is a little off. Which step matched is returned so that the caller can
/// refuse that step and every earlier one from then on (replay).
/// </summary>
public static class TotpCodes
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    /// <summary>Steps accepted before and after the current one.</summary>
    public const int AcceptedDrift = 1;

    /// <summary>160 bits, the HMAC-SHA1 block RFC 4226 recommends.</summary>
    public const int SecretBytes = 20;

    private static readonly VerificationWindow Window = new(previous: AcceptedDrift, future: AcceptedDrift);

    /// <summary>A new random secret.</summary>
    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(SecretBytes);

    /// <summary>The secret as authenticator apps take it typed in: RFC 4648 base32, without padding.</summary>
    public static string ToBase32(byte[] secret) => Base32Encoding.ToString(secret).TrimEnd('=');

    /// <summary>The secret from its base32 form.</summary>
    public static byte[] FromBase32(string secret) => Base32Encoding.ToBytes(secret);

    /// <summary>
    /// The <c>otpauth://</c> URI a QR code carries (Google's Key URI format, which every app reads):
    /// the account is <paramref name="userName"/> at <paramref name="issuer"/>.
    /// </summary>
    public static string ToUri(byte[] secret, string issuer, string userName) =>
        new OtpUri(OtpType.Totp, ToBase32(secret), userName, issuer, OtpHashMode.Sha1, Digits, StepSeconds).ToString();

    /// <summary>True when <paramref name="code"/> looks like a code (six digits, spaces allowed) rather than a recovery code.</summary>
    public static bool IsCodeShaped(string? code) => Normalize(code) is { Length: Digits } digits && digits.All(char.IsAsciiDigit);

    /// <summary>
    /// The time step <paramref name="code"/> belongs to, if it is the code of the step at
    /// <paramref name="now"/> or of one next to it; else null. The comparison takes the same time
    /// whatever matches.
    /// </summary>
    public static long? MatchingStep(byte[] secret, string? code, DateTimeOffset now)
    {
        if (!IsCodeShaped(code))
        {
            return null;
        }

        var totp = new Totp(secret, StepSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(now.UtcDateTime, Normalize(code)!, out var step, Window) ? step : null;
    }

    /// <summary>The code for <paramref name="at"/>: for tests and for nothing else.</summary>
    public static string CodeAt(byte[] secret, DateTimeOffset at) =>
        new Totp(secret, StepSeconds, OtpHashMode.Sha1, Digits).ComputeTotp(at.UtcDateTime);

    /// <summary>The time step of <paramref name="at"/>.</summary>
    public static long StepAt(DateTimeOffset at) => at.ToUnixTimeSeconds() / StepSeconds;

    // Apps show "123 456"; people paste either.
    private static string? Normalize(string? code) => code?.Replace(" ", "", StringComparison.Ordinal).Trim();
}
