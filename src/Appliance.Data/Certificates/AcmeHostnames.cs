using Appliance.Data.Validation;

namespace Appliance.Data.Certificates;

/// <summary>The host names of an ACME certificate: plain DNS names, no wildcards (they need DNS-01), no ports.</summary>
internal static class AcmeHostnames
{
    public const int Max = 100;

    public static void Validate(IReadOnlyList<string>? hostnames, ValidationErrors errors, string field = "hostnames")
    {
        if (hostnames is null || hostnames.Count == 0)
        {
            errors.Add(field, "At least one host name is required.");
            return;
        }

        if (hostnames.Count > Max)
        {
            errors.Add(field, $"An ACME certificate covers at most {Max} host names.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < hostnames.Count; i++)
        {
            var host = hostnames[i];
            if (host.StartsWith("*.", StringComparison.Ordinal))
            {
                errors.Add($"{field}[{i}]", $"'{host}' is a wildcard: ACME issues wildcard certificates only over DNS-01, which the appliance does not do. Upload a wildcard certificate or list the host names.");
            }
            else if (!HostNames.IsValid(host) || host.Contains(':', StringComparison.Ordinal))
            {
                errors.Add($"{field}[{i}]", $"'{host}' is not a host name such as app.example.com.");
            }
            else if (!seen.Add(host))
            {
                errors.Add($"{field}[{i}]", $"'{host}' is listed twice.");
            }
        }
    }
}
