using Appliance.Data.Model;

namespace Appliance.Data.Backup;

/// <summary>
/// What a backup holds, before encryption. Secrets that this node keeps under its Data Protection
/// key ring are in clear here (a new appliance has another ring); the container encrypts the whole
/// payload under the passphrase.
/// </summary>
public sealed record BackupPayload
{
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The configuration revision the backup was read at.</summary>
    public required long Revision { get; init; }

    /// <summary>The configuration as the export writes it, with the basic-auth password hashes the export withholds.</summary>
    public required ConfigDocument Configuration { get; init; }

    public required IReadOnlyList<BackupUser> Users { get; init; }

    /// <summary>Whether every user must sign in with a second factor.</summary>
    public bool RequireTwoFactor { get; init; }

    public required IReadOnlyList<BackupToken> Tokens { get; init; }

    public required IReadOnlyList<BackupCertificate> Certificates { get; init; }

    public required IReadOnlyList<BackupAcmeAccount> AcmeAccounts { get; init; }
}
