using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Caching.Ranges;

/// <summary>
/// Decides how a stored response answers a request's Range field (RFC 9110 §14): which bytes, or the
/// whole, or 416. Ranges apply to GET only (§14.2) and to a complete 200 only. The cap against range
/// amplification (CVE-2011-3192's "Apache Killer"): more than <see cref="MaxRanges"/> specs, or two
/// satisfiable ranges that overlap, and the field is ignored, the whole response sent, as nginx does past
/// max_ranges and Apache past MaxRanges/MaxRangeOverlaps. Without overlaps the parts never add up to
/// more than the representation, so no field makes the cache send more than the representation and sixteen part headers.
/// </summary>
internal static class RangePlanner
{
    public const int MaxRanges = 16;

    /// <summary>
    /// The plan for a request against a stored response of <paramref name="length"/> bytes as sent. The ETag is the
    /// one the response carries (weakened for a coding, so If-Range never matches a coded variant's).
    /// </summary>
    public static RangePlan Plan(
        HttpRequest request, int statusCode, long length, string? etag, DateTimeOffset? lastModified, DateTimeOffset? date)
    {
        if (!HttpMethods.IsGet(request.Method) || statusCode != StatusCodes.Status200OK)
        {
            return RangePlan.Whole;
        }

        return Plan(request.Headers.Range, request.Headers.IfRange, length, etag, lastModified, date);
    }

    /// <summary>The plan for a Range field and its If-Range against a 200 of <paramref name="length"/> bytes.</summary>
    public static RangePlan Plan(StringValues field, StringValues ifRange, long length, string? etag, DateTimeOffset? lastModified, DateTimeOffset? date)
    {
        if (StringValues.IsNullOrEmpty(field))
        {
            return RangePlan.Whole;
        }

        if (!StringValues.IsNullOrEmpty(ifRange) && (ifRange.Count != 1 || !IfRange.Matches(ifRange.ToString(), etag, lastModified, date)))
        {
            return RangePlan.Whole;
        }

        return Plan(field, length);
    }

    /// <summary>The plan for a Range field against a representation of <paramref name="length"/> bytes, conditions aside.</summary>
    public static RangePlan Plan(StringValues field, long length)
    {
        // An empty representation has no bytes to select or to report as out of reach: it is sent whole.
        if (length == 0 || ByteRangeParser.Parse(field, MaxRanges) is not { } specs)
        {
            return RangePlan.Whole;
        }

        var ranges = new List<ByteRange>(specs.Count);
        foreach (var spec in specs)
        {
            if (spec.Resolve(length) is not { } range)
            {
                continue;
            }

            foreach (var earlier in ranges)
            {
                if (earlier.Overlaps(range))
                {
                    return RangePlan.Whole;
                }
            }

            ranges.Add(range);
        }

        return ranges.Count == 0 ? RangePlan.Unsatisfiable : new RangePlan(RangePlanKind.Partial, ranges);
    }
}
