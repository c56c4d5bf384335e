namespace Appliance.Engine.Caching.Ranges;

/// <summary>
/// One range-spec of a byte Range field as written (RFC 9110 §14.1.2): <c>first-last</c>, <c>first-</c>
/// (to the end), or a suffix <c>-n</c> (the last n bytes, <see cref="First"/> null). Numbers too large for a
/// long are kept as <see cref="long.MaxValue"/>: past any representation's end, which is what they mean.
/// </summary>
internal readonly record struct ByteRangeSpec(long? First, long? Last)
{
    public static ByteRangeSpec From(long first, long? last) => new(first, last);

    public static ByteRangeSpec Suffix(long length) => new(null, length);

    /// <summary>The bytes this spec selects from a representation of <paramref name="length"/> bytes, or null when it selects none (§14.1.1).</summary>
    public ByteRange? Resolve(long length)
    {
        if (First is { } first)
        {
            return first < length ? new ByteRange(first, Math.Min(Last ?? long.MaxValue, length - 1) - first + 1) : null;
        }

        // A suffix longer than the representation is the whole of it; a zero-length suffix selects nothing.
        var suffix = Math.Min(Last!.Value, length);
        return suffix > 0 ? new ByteRange(length - suffix, suffix) : null;
    }
}
