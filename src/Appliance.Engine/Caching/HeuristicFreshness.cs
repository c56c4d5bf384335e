using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Caching;

/// <summary>
/// Heuristic freshness (RFC 9111 §4.2.2) for a response that gives no explicit lifetime but says when it was last
/// modified: a tenth of the time since then, as the RFC suggests, capped by the rule. Only where the rule allows
/// it, and only for statuses heuristically cacheable by default (RFC 9110 §15.1), which storability checks.
/// </summary>
internal static class HeuristicFreshness
{
    /// <summary>The Cache-Status detail (RFC 9211 §2.8) of a response whose freshness is the heuristic's.</summary>
    public const string Detail = "heuristic";

    /// <summary>
    /// The heuristic lifetime, or null when the rule does not allow one or the response has no valid
    /// Last-Modified. A Last-Modified after the Date (a clock ahead, RFC 9110 §8.8.2.1) gives a lifetime of 0.
    /// </summary>
    public static TimeSpan? Lifetime(IHeaderDictionary headers, DateTimeOffset dateOrReceipt, TimeSpan? cap)
    {
        if (cap is not { } max || !HttpDates.TryParse(headers.LastModified.ToString(), out var modified))
        {
            return null;
        }

        var sinceModified = dateOrReceipt - modified;
        if (sinceModified <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        // Whole seconds: Age and ttl are whole seconds, and a fraction would only make them disagree.
        var tenth = TimeSpan.FromSeconds(Math.Floor(sinceModified.TotalSeconds / 10));
        return tenth < max ? tenth : max;
    }

    /// <summary>Whether a response without explicit freshness may be stored on the heuristic's word.</summary>
    public static bool Applies(IHeaderDictionary headers, TimeSpan? cap) =>
        cap is not null && HttpDates.TryParse(headers.LastModified.ToString(), out _);
}
