namespace Appliance.Data.Model;

/// <summary>A certificate as the API and the admin site show it: never its private key.</summary>
public sealed record CertificateInfo
{
    public required string Name { get; init; }
    public required IReadOnlyList<string> Hostnames { get; init; }
    public required CertificateSource Source { get; init; }
    public required CertificateStatus Status { get; init; }
    public DateTimeOffset? NotBefore { get; init; }
    public DateTimeOffset? NotAfter { get; init; }
    public string? Issuer { get; init; }
    public string? Thumbprint { get; init; }

    /// <summary>Why the last ACME attempt failed, in the server's words where it gave any.</summary>
    public string? LastError { get; init; }

    /// <summary>For ACME certificates: when the next issuance or renewal attempt is due.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>The routes that use it (name it in their tls, or manage it with tls "auto"), by name: while any do, it cannot be deleted, only replaced.</summary>
    public IReadOnlyList<string> UsedBy { get; init; } = [];
}
