namespace Appliance.Engine.Caching.Ranges;

/// <summary>A satisfiable range resolved against a representation: where it starts and how many bytes it holds.</summary>
internal readonly record struct ByteRange(long Offset, long Length)
{
    public long End => Offset + Length - 1;

    /// <summary>The Content-Range value for this range of a representation of <paramref name="total"/> bytes (RFC 9110 §14.4).</summary>
    public string ContentRange(long total) => $"bytes {Offset}-{End}/{total}";

    public bool Overlaps(ByteRange other) => Offset <= other.End && other.Offset <= End;
}
