namespace Appliance.Data.Backup;

/// <summary>A user's TOTP enrolment, its secret decrypted from this node's key ring (base64).</summary>
public sealed record BackupTwoFactor
{
    public required string Secret { get; init; }
    public DateTimeOffset? ConfirmedAt { get; init; }

    /// <summary>Kept so that a code used before the backup cannot be replayed after the restore.</summary>
    public long LastUsedStep { get; init; }
}
