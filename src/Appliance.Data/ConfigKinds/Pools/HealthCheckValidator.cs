using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.Pools;

/// <summary>A pool's active health check, when it has one: a probe path and bounds that keep probing sane.</summary>
internal sealed class HealthCheckValidator : IConfigValidator<PoolSpec>
{
    public void Validate(PoolSpec pool, ConfigValidationContext context, ValidationErrors errors)
    {
        if (pool.HealthCheck is not { } health)
        {
            return;
        }

        // No path at all is a TCP connect probe.
        if (health.Path is not null && (health.Path.Length == 0 || !health.Path.StartsWith('/') || health.Path.Contains('#', StringComparison.Ordinal)
            || health.Path.Any(char.IsWhiteSpace)))
        {
            errors.Add("healthCheck.path", "The probe path must start with '/' and contain no spaces or '#' (or be empty for a TCP connect probe).");
        }

        if (health.IntervalSeconds is < 1 or > 3600)
        {
            errors.Add("healthCheck.intervalSeconds", "The interval must be between 1 and 3600 seconds.");
        }

        if (health.TimeoutSeconds < 1 || health.TimeoutSeconds > Math.Max(1, health.IntervalSeconds))
        {
            errors.Add("healthCheck.timeoutSeconds", "The timeout must be at least 1 second and no longer than the interval.");
        }

        if (health.UnhealthyAfter is < 1 or > 100)
        {
            errors.Add("healthCheck.unhealthyAfter", "Failures before unhealthy must be between 1 and 100.");
        }

        if (health.HealthyAfter is < 1 or > 100)
        {
            errors.Add("healthCheck.healthyAfter", "Successes before healthy must be between 1 and 100.");
        }
    }
}
