using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.Routes;

/// <summary>A route's targets: pools that exist, each once, with weights that send traffic somewhere.</summary>
internal sealed class RouteTargetsValidator : IConfigValidator<RouteSpec>
{
    public const int MaxTargets = 16;
    public const int MaxWeight = 100;

    public void Validate(RouteSpec route, ConfigValidationContext context, ValidationErrors errors)
    {
        // A redirect route has no targets; RouteRedirectValidator says so when it has some.
        var targets = route.Targets;
        if (route.Redirect is not null)
        {
            return;
        }

        if (targets is null || targets.Count == 0)
        {
            errors.Add("targets", "At least one target is required, or a redirect.");
            return;
        }

        if (targets.Count > MaxTargets)
        {
            errors.Add("targets", $"A route has at most {MaxTargets} targets.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            if (target is null)
            {
                errors.Add($"targets[{i}]", "A target cannot be null.");
                continue;
            }

            if (string.IsNullOrEmpty(target.Pool))
            {
                errors.Add($"targets[{i}].pool", "A pool is required.");
            }
            else if (context.IsMissing<PoolSpec>(target.Pool))
            {
                errors.Add($"targets[{i}].pool", $"There is no pool named '{target.Pool}'.");
            }
            else if (!seen.Add(target.Pool))
            {
                errors.Add($"targets[{i}].pool", $"Pool '{target.Pool}' is already a target of this route.");
            }

            if (target.Weight is < 0 or > MaxWeight)
            {
                errors.Add($"targets[{i}].weight", $"Weight must be between 0 and {MaxWeight}.");
            }
            else
            {
                total += target.Weight;
            }
        }

        if (total == 0)
        {
            errors.Add("targets", "The targets' weights must add up to more than 0.");
        }
    }
}
