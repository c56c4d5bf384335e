namespace Appliance.Data.Backup;

/// <summary>The ACME account of one directory, its key decrypted from this node's key ring (PKCS#8 PEM).</summary>
public sealed record BackupAcmeAccount
{
    public required string DirectoryUrl { get; init; }
    public string? Email { get; init; }
    public required string AccountUrl { get; init; }
    public required string KeyPem { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
