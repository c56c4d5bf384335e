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

    /// <summary>The whole configuration was replaced by the document of an earlier revision.</summary>
    Restore,
}
