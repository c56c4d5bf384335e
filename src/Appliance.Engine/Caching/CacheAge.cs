using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Caching;

/// <summary>How old a stored response is (RFC 9111 §4.2.3), and the Age field it came with and goes out with (§5.1).</summary>
internal static class CacheAge
{
    /// <summary>
    /// The current age: the larger of the apparent age (receipt time minus Date) and the corrected
    /// Age value (Age plus the time the response took to arrive), plus the time resident here.
    /// </summary>
    public static TimeSpan Current(DateTimeOffset? date, TimeSpan ageValue, DateTimeOffset requestTime, DateTimeOffset responseTime, DateTimeOffset now)
    {
        var apparent = date is { } sent && responseTime > sent ? responseTime - sent : TimeSpan.Zero;
        var corrected = ageValue + (responseTime - requestTime);
        var initial = apparent > corrected ? apparent : corrected;

        // A clock that went back must not make a response younger than it arrived.
        var resident = now - responseTime;
        return initial + (resident > TimeSpan.Zero ? resident : TimeSpan.Zero);
    }

    /// <summary>
    /// The Age a response arrived with: delta-seconds, at most 2^31 (§1.2.2); anything else counts as none.
    /// Age is a singleton, but of a list (several members or field lines) the first member counts (§5.1).
    /// </summary>
    public static TimeSpan ValueOf(StringValues age)
    {
        var value = age.ToString().AsSpan();
        var comma = value.IndexOf(',');
        var first = (comma < 0 ? value : value[..comma]).Trim(" \t");
        return DeltaSeconds.TryParse(first, out var seconds) ? seconds : TimeSpan.Zero;
    }

    /// <summary>The Age field value for an age: whole seconds, rounded down.</summary>
    public static string HeaderValue(TimeSpan age) => ((long)age.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
