using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.Routes;

/// <summary>How a route hardens the exchange: its Content-Security-Policy, HSTS max-age and request body limit.</summary>
internal sealed class RouteHardeningValidator : IConfigValidator<RouteSpec>
{
    /// <summary>The longest HSTS max-age accepted: two years, what the preload list asks for.</summary>
    public const int MaxHstsMaxAgeSeconds = 63_072_000;

    public void Validate(RouteSpec route, ConfigValidationContext context, ValidationErrors errors)
    {
        if (route.ContentSecurityPolicy is { } csp && (csp.Length > 4096 || csp.Any(c => c < 0x20 || c > 0x7E)))
        {
            errors.Add("contentSecurityPolicy", "A Content-Security-Policy is at most 4096 printable ASCII characters, on one line.");
        }

        if (route.MaxRequestBodyBytes is < 0 or > 16L * 1024 * 1024 * 1024)
        {
            errors.Add("maxRequestBodyBytes", "The largest request body must be between 0 and 16 GiB, or null for the global limit.");
        }

        if (route.HstsMaxAgeSeconds is < 0 or > MaxHstsMaxAgeSeconds)
        {
            errors.Add("hstsMaxAgeSeconds", $"HSTS max-age must be between 0 (no header) and {MaxHstsMaxAgeSeconds} seconds (two years).");
        }
    }
}
