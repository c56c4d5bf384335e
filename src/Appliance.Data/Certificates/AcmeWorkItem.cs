namespace Appliance.Data.Certificates;

/// <summary>An ACME certificate that is due for issuance or renewal.</summary>
public sealed record AcmeWorkItem(string Name, IReadOnlyList<string> Hostnames, int FailureCount, bool HasCertificate);
