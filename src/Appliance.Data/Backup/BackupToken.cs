namespace Appliance.Data.Backup;

/// <summary>An API token: its SHA-256 hash only, as the appliance keeps it.</summary>
public sealed record BackupToken
{
    public required string Name { get; init; }
    public required string TokenHash { get; init; }
    public required string Role { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
}
