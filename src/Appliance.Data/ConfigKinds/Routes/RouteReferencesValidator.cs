using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.Routes;

/// <summary>A route's access list and rate limit must name ones that exist.</summary>
internal sealed class RouteReferencesValidator : IConfigValidator<RouteSpec>
{
    public void Validate(RouteSpec route, ConfigValidationContext context, ValidationErrors errors)
    {
        if (route.AccessList is { } list && context.IsMissing<AccessListSpec>(list))
        {
            errors.Add("accessList", $"There is no access list named '{list}'.");
        }

        if (route.RateLimit is { } limit && context.IsMissing<RateLimitSpec>(limit))
        {
            errors.Add("rateLimit", $"There is no rate limit named '{limit}'.");
        }
    }
}
