using Appliance.Data.Model;

namespace Appliance.Data.Entities;

internal sealed class CertificateEntity
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public List<string> Hostnames { get; set; } = [];
    public CertificateSource Source { get; set; }
    public CertificateStatus Status { get; set; }
    public DateTimeOffset? NotBefore { get; set; }
    public DateTimeOffset? NotAfter { get; set; }
    public string? Issuer { get; set; }
    public string? Thumbprint { get; set; }
    public string? LastError { get; set; }

    /// <summary>The certificate and its intermediates, PEM.</summary>
    public string? ChainPem { get; set; }

    /// <summary>The private key's PKCS#8 PEM, encrypted with Data Protection.</summary>
    public string? ProtectedKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public int FailureCount { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
}
