using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.Pools;

/// <summary>A pool's overload protection: a cap of at least one request, and a bounded queue that only a capped pool has.</summary>
internal sealed class PoolLimitsValidator : IConfigValidator<PoolSpec>
{
    public const int MaxQueueLength = 10_000;
    public const int MaxQueueTimeoutSeconds = 300;

    public void Validate(PoolSpec pool, ConfigValidationContext context, ValidationErrors errors)
    {
        if (pool.MaxConcurrentRequests is < 1)
        {
            errors.Add("maxConcurrentRequests", "The cap must be at least 1 request (or empty for no cap).");
        }

        if (pool.Queue is not { } queue)
        {
            return;
        }

        // Nothing ever waits in the queue of an uncapped pool: refuse it rather than keep a setting that does nothing.
        if (pool.MaxConcurrentRequests is null)
        {
            errors.Add("queue", "A queue needs a cap: set maxConcurrentRequests, or remove the queue.");
        }

        if (queue.Length is < 0 or > MaxQueueLength)
        {
            errors.Add("queue.length", $"The queue length must be between 0 and {MaxQueueLength}.");
        }

        if (queue.TimeoutSeconds is < 1 or > MaxQueueTimeoutSeconds)
        {
            errors.Add("queue.timeoutSeconds", $"The queue timeout must be between 1 and {MaxQueueTimeoutSeconds} seconds.");
        }
    }
}
