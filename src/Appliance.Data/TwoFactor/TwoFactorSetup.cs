namespace Appliance.Data.TwoFactor;

/// <summary>
/// An authenticator being set up, for its owner's eyes only: the secret in base32 to type in, and
/// the <c>otpauth://</c> URI a QR code carries. Shown until the first code confirms it.
/// </summary>
public sealed record TwoFactorSetup(string Secret, string Uri);
