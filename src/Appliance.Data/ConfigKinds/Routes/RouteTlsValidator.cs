using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.Routes;

/// <summary>A route's tls: off, auto (an ACME certificate for its hosts) or the name of a certificate that exists.</summary>
internal sealed class RouteTlsValidator : IConfigValidator<RouteSpec>
{
    public void Validate(RouteSpec route, ConfigValidationContext context, ValidationErrors errors)
    {
        if (route.Tls is not (TlsModes.Off or TlsModes.Auto) && !Slug.IsValid(route.Tls))
        {
            errors.Add("tls", $"Use \"{TlsModes.Off}\", \"{TlsModes.Auto}\" or the name of a certificate.");
        }
        else if (route.Tls is not (TlsModes.Off or TlsModes.Auto) && context.IsMissingCertificate(route.Tls))
        {
            errors.Add("tls", $"There is no certificate named '{route.Tls}'; upload or request it first.");
        }

        if (route.Tls == TlsModes.Auto)
        {
            if (route.Hosts is { Count: 0 })
            {
                errors.Add("tls", "An automatic certificate needs the route's host names; add at least one host.");
            }
            else if (route.Hosts?.FirstOrDefault(h => h.StartsWith("*.", StringComparison.Ordinal)) is { } wildcard)
            {
                errors.Add("tls",
                    $"'{wildcard}' is a wildcard: ACME issues wildcard certificates only over DNS-01, which the appliance does not do. Upload a wildcard certificate or list the host names.");
            }
        }
    }
}
