namespace Appliance.Data.Certificates;

/// <summary>A parsed, checked certificate chain with its private key, ready to store.</summary>
public sealed record ImportedCertificate(
    IReadOnlyList<string> Hostnames,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    string Issuer,
    string Thumbprint,
    string ChainPem,
    string KeyPem);
