using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.RateLimits;

/// <summary>A rate limit's bucket and concurrency cap, within bounds the data plane can keep.</summary>
internal sealed class RateLimitValidator : IConfigValidator<RateLimitSpec>
{
    public void Validate(RateLimitSpec limit, ConfigValidationContext context, ValidationErrors errors)
    {
        NameRule.Check(limit.Name, errors);
        if (limit.Permits is < 1 or > 1_000_000)
        {
            errors.Add("permits", "Permits must be between 1 and 1000000.");
        }

        if (limit.PeriodSeconds is < 1 or > 86_400)
        {
            errors.Add("periodSeconds", "The period must be between 1 second and a day (86400).");
        }

        if (limit.Burst is < 1 or > 1_000_000)
        {
            errors.Add("burst", "Burst must be between 1 and 1000000.");
        }

        if (limit.MaxConcurrent is < 0 or > 100_000)
        {
            errors.Add("maxConcurrent", "The concurrency cap must be between 0 (none) and 100000.");
        }
    }
}
