using Appliance.Data.Model;

namespace Appliance.Engine.Security.Shield;

/// <summary>A rate limit's numbers: tokens per second, bucket size and concurrency cap.</summary>
internal sealed record RateLimitPlan(string Name, double TokensPerSecond, int Burst, int MaxConcurrent)
{
    public static RateLimitPlan From(RateLimitSpec spec) =>
        new(spec.Name, (double)spec.Permits / spec.PeriodSeconds, spec.Burst, spec.MaxConcurrent);
}
