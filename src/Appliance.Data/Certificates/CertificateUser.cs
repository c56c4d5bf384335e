namespace Appliance.Data.Certificates;

/// <summary>A route as far as certificates care: its name, its tls and the hosts it serves.</summary>
internal sealed record CertificateUser(string Route, string Tls, IReadOnlyList<string> Hosts);
