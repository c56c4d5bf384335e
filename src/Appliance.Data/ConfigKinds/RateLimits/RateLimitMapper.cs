using Appliance.Data.Entities;
using Appliance.Data.Model;

namespace Appliance.Data.ConfigKinds.RateLimits;

internal sealed class RateLimitMapper : IConfigMapper<RateLimitSpec, RateLimitEntity>
{
    public RateLimitSpec ToSpec(RateLimitEntity limit) => new()
    {
        Name = limit.Name,
        Global = limit.Global,
        Permits = limit.Permits,
        PeriodSeconds = limit.PeriodSeconds,
        Burst = limit.Burst,
        MaxConcurrent = limit.MaxConcurrent,
    };

    public void Apply(RateLimitSpec spec, RateLimitEntity limit, ApplianceDbContext db)
    {
        limit.Name = spec.Name;
        limit.Global = spec.Global;
        limit.Permits = spec.Permits;
        limit.PeriodSeconds = spec.PeriodSeconds;
        limit.Burst = spec.Burst;
        limit.MaxConcurrent = spec.MaxConcurrent;
    }
}
