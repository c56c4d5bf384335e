namespace Appliance.Engine.Caching.Ranges;

/// <summary>What the cache answers a Range request with, and which bytes, in the order the client asked for them.</summary>
internal sealed record RangePlan(RangePlanKind Kind, IReadOnlyList<ByteRange> Ranges)
{
    public static readonly RangePlan Whole = new(RangePlanKind.Whole, []);

    public static readonly RangePlan Unsatisfiable = new(RangePlanKind.Unsatisfiable, []);
}
