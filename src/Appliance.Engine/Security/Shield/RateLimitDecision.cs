namespace Appliance.Engine.Security.Shield;

/// <summary>
/// What <see cref="RateLimiter"/> decided for one request and one limit: allowed (a token and an
/// in-flight slot taken), or refused with the time until a token is there and whether the
/// concurrency cap refused it.
/// </summary>
internal readonly record struct RateLimitDecision(bool Allowed, TimeSpan RetryAfter, bool ConcurrencyRefused)
{
    public static readonly RateLimitDecision Allow = new(true, TimeSpan.Zero, false);

    public static RateLimitDecision RateLimited(TimeSpan retryAfter) => new(false, retryAfter, false);

    public static RateLimitDecision TooManyInFlight => new(false, TimeSpan.FromSeconds(1), true);
}
