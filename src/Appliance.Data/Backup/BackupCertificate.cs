using Appliance.Data.Model;

namespace Appliance.Data.Backup;

/// <summary>A certificate as stored, its private key decrypted from this node's key ring (PKCS#8 PEM).</summary>
public sealed record BackupCertificate
{
    public required string Name { get; init; }
    public IReadOnlyList<string> Hostnames { get; init; } = [];
    public CertificateSource Source { get; init; }
    public CertificateStatus Status { get; init; }
    public DateTimeOffset? NotBefore { get; init; }
    public DateTimeOffset? NotAfter { get; init; }
    public string? Issuer { get; init; }
    public string? Thumbprint { get; init; }
    public string? LastError { get; init; }
    public string? ChainPem { get; init; }

    /// <summary>Null for an ACME certificate not issued yet, or whose key this node could no longer read.</summary>
    public string? KeyPem { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public int FailureCount { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
}
