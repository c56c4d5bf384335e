namespace Appliance.Data.Entities;

/// <summary>What an audited change did.</summary>
public enum AuditAction
{
    Create,
    Update,
    Delete,
    Import,

    /// <summary>A certificate was issued or renewed by the ACME server.</summary>
    Issue,

    /// <summary>An ACME issuance or renewal failed.</summary>
    Fail,

    /// <summary>Every session of a user was ended; they sign in again.</summary>
    EndSessions,

    /// <summary>Cached responses were purged, on every node.</summary>
    Purge,

    /// <summary>A user confirmed their authenticator: sign-in asks them for a code from now on.</summary>
    EnableTwoFactor,

    /// <summary>A user turned their own two-factor sign-in off.</summary>
    DisableTwoFactor,

    /// <summary>An Admin removed a user's authenticator and recovery codes, ending their sessions.</summary>
    ResetTwoFactor,

    /// <summary>A user signed in (or turned two-factor off) with one of their recovery codes.</summary>
    UseRecoveryCode,

    /// <summary>A user replaced their recovery codes with new ones.</summary>
    NewRecoveryCodes,

    /// <summary>The whole configuration was replaced by the document of an earlier revision.</summary>
    Restore,

    /// <summary>A backup of the whole appliance was made (who and when; never the passphrase).</summary>
    Backup,

    /// <summary>An uploaded certificate's chain and key were replaced in place by its successor.</summary>
    Replace,
}
