namespace Appliance.Data.Certificates;

/// <summary>
/// Whether a certificate's names cover a host the way a client checks them (RFC 6125): the exact
/// name, or a wildcard standing for exactly one label. A route's own wildcard host is covered only
/// by the same wildcard.
/// </summary>
internal static class CertificateCoverage
{
    public static bool Covers(IEnumerable<string> certificateNames, string host)
    {
        var name = HostOf(host);
        foreach (var certificateName in certificateNames)
        {
            if (string.Equals(certificateName, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (certificateName.StartsWith("*.", StringComparison.Ordinal) && !name.StartsWith("*.", StringComparison.Ordinal))
            {
                var dot = name.IndexOf('.', StringComparison.Ordinal);
                if (dot > 0 && string.Equals(name[(dot + 1)..], certificateName[2..], StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The hosts of <paramref name="routes"/> that <paramref name="before"/> covers and <paramref name="after"/> does not: what a replacement would break.</summary>
    public static IReadOnlyList<(string Route, string Host)> Lost(IReadOnlyList<string> before, IReadOnlyList<string> after, IEnumerable<CertificateUser> routes) =>
        routes.SelectMany(r => r.Hosts.Select(h => (r.Route, Host: HostOf(h))))
            .Where(h => Covers(before, h.Host) && !Covers(after, h.Host))
            .Distinct()
            .ToArray();

    // Route hosts may carry a port (app.example.com:8443); certificates never do.
    private static string HostOf(string host)
    {
        var colon = host.LastIndexOf(':');
        return (colon > 0 ? host[..colon] : host).ToLowerInvariant();
    }
}
