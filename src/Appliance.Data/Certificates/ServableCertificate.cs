namespace Appliance.Data.Certificates;

/// <summary>What the data plane needs to serve a certificate: its names, its chain and its private key (decrypted, in memory only).</summary>
public sealed record ServableCertificate(string Name, IReadOnlyList<string> Hostnames, string ChainPem, string KeyPem, DateTimeOffset NotAfter);
