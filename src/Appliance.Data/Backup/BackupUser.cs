namespace Appliance.Data.Backup;

/// <summary>An admin-site user: the password only as its Identity hash.</summary>
public sealed record BackupUser
{
    public required string UserName { get; init; }
    public required string PasswordHash { get; init; }
    public required string Role { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public IReadOnlyList<string> RecentSignInAddresses { get; init; } = [];

    /// <summary>The admin site's theme the user chose; System in backups made before it was kept.</summary>
    public Users.Preferences.ThemePreference Theme { get; init; }

    /// <summary>The user's authenticator, or null.</summary>
    public BackupTwoFactor? TwoFactor { get; init; }

    /// <summary>The salted hashes of the unused recovery codes.</summary>
    public IReadOnlyList<string> RecoveryCodeHashes { get; init; } = [];
}
