namespace Appliance.Data.TwoFactor;

/// <summary>A user's two-factor sign-in as their account page shows it; never the secret.</summary>
/// <param name="Enabled">Sign-in asks for a code.</param>
/// <param name="EnabledAt">When the authenticator was confirmed.</param>
/// <param name="RecoveryCodesLeft">Recovery codes not used yet.</param>
/// <param name="Required">An Admin requires two-factor of every user: it cannot be turned off.</param>
public sealed record TwoFactorStatus(bool Enabled, DateTimeOffset? EnabledAt, int RecoveryCodesLeft, bool Required);
