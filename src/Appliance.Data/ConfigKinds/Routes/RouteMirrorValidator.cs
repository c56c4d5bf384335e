using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.Routes;

/// <summary>
/// A route's mirror: a shadow pool that exists and is not one of the route's own targets, and a
/// share that copies something and at most everything. A redirect route forwards nothing to copy.
/// </summary>
internal sealed class RouteMirrorValidator : IConfigValidator<RouteSpec>
{
    /// <summary>The finest share a mirror takes: one request in ten thousand.</summary>
    public const decimal PercentStep = 0.01m;

    public void Validate(RouteSpec route, ConfigValidationContext context, ValidationErrors errors)
    {
        var mirror = route.Mirror;
        if (mirror is null)
        {
            return;
        }

        if (route.Redirect is not null)
        {
            errors.Add("mirror", "A redirect route forwards nothing to copy; mirror the route the redirect leads to.");
        }

        if (string.IsNullOrEmpty(mirror.Pool))
        {
            errors.Add("mirror.pool", "A shadow pool is required.");
        }
        else if (context.IsMissing<PoolSpec>(mirror.Pool))
        {
            errors.Add("mirror.pool", $"There is no pool named '{mirror.Pool}'.");
        }
        else if (route.Targets?.Any(t => t?.Pool == mirror.Pool) == true)
        {
            // Copies of unsafe requests would reach the same backends twice.
            errors.Add("mirror.pool", $"Pool '{mirror.Pool}' is a target of this route; a mirror needs a pool of its own.");
        }

        if (mirror.Percent is <= 0 or > 100 || decimal.Remainder(mirror.Percent, PercentStep) != 0)
        {
            errors.Add("mirror.percent", "The share must be more than 0 and at most 100 percent, in steps of 0.01.");
        }
    }
}
