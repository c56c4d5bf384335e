namespace Appliance.Data.Model;

/// <summary>Asks the appliance to obtain, and keep renewing, an ACME certificate for some host names.</summary>
public sealed record AcmeCertificateRequest
{
    public string Name { get; init; } = "";
    public IReadOnlyList<string> Hostnames { get; init; } = [];
}
