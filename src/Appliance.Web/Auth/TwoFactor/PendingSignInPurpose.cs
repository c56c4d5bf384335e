namespace Appliance.Web.Auth.TwoFactor;

/// <summary>What a user whose password was right must do before their session begins.</summary>
public enum PendingSignInPurpose
{
    /// <summary>Give a code from their authenticator, or a recovery code.</summary>
    Code,

    /// <summary>Set up an authenticator: an Admin requires two-factor of everyone, and they have none.</summary>
    Setup,
}
