using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.Pools;

/// <summary>A pool's name and load-balancing policy.</summary>
internal sealed class PoolValidator : IConfigValidator<PoolSpec>
{
    public void Validate(PoolSpec pool, ConfigValidationContext context, ValidationErrors errors)
    {
        NameRule.Check(pool.Name, errors);
        if (!LoadBalancingPolicyNames.All.Contains(pool.LoadBalancing, StringComparer.Ordinal))
        {
            errors.Add("loadBalancing", $"Unknown policy '{pool.LoadBalancing}'. Use one of: {string.Join(", ", LoadBalancingPolicyNames.All)}.");
        }
    }
}
