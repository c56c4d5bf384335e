namespace Appliance.Engine.Caching.Ranges;

/// <summary>How a stored response answers a request's Range field.</summary>
internal enum RangePlanKind
{
    /// <summary>No usable Range (none, ignored, or If-Range failed): the whole response, 200.</summary>
    Whole,

    /// <summary>One or more ranges: 206, a single part or multipart/byteranges.</summary>
    Partial,

    /// <summary>A valid Range none of whose specs selects a byte: 416 with <c>Content-Range: bytes */length</c>.</summary>
    Unsatisfiable,
}
