using System.Buffers;

namespace Appliance.Engine.Routing;

/// <summary>
/// Writes the forward spelling of a path (<see cref="CanonicalPath.Forward"/>) in one pass over the
/// client's path into a buffer the caller owns: a segment is a range of that buffer, so resolving
/// <c>..</c> is moving its end back to the previous slash, and nothing is allocated per segment.
/// </summary>
internal static class CanonicalPathForward
{
    /// <summary>
    /// Characters a path may carry as they are (RFC 3986 pchar without "%" and ";"): a target made
    /// only of these, with no "//" and no "/.", is already canonical in both spellings.
    /// </summary>
    public static readonly SearchValues<char> PlainChars =
        SearchValues.Create("!$&'()*+,-./0123456789:=@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");

    private static readonly SearchValues<char> Separators = SearchValues.Create("/\\");

    /// <summary>
    /// Room <see cref="Write"/> may need for <paramref name="path"/>: an ASCII character becomes at
    /// most one escape, any other at most three (one per UTF-8 byte); and one slash more, twice.
    /// </summary>
    public static int Capacity(ReadOnlySpan<char> path) =>
        (path.Length * (path.ContainsAnyExceptInRange('\0', '\u007F') ? 9 : 3)) + 2;

    /// <summary>
    /// Splits on both separators, drops empty and "." segments, lets ".." remove the one before it
    /// (never above the root) and keeps a trailing slash; each segment loses its path parameters
    /// and gets one spelling of each character. Returns the length written.
    /// </summary>
    public static int Write(ReadOnlySpan<char> path, Span<char> output)
    {
        var length = 0;
        var trailingSlash = false;
        foreach (var range in path.SplitAny(Separators))
        {
            var start = length;
            output[length++] = '/';
            length = Spell(StripParameters(path[range]), output, length);
            var segment = output[(start + 1)..length];
            var parent = segment is "..";
            trailingSlash = segment.IsEmpty || parent || segment is ".";
            if (parent)
            {
                length = Math.Max(0, output[..start].LastIndexOf('/'));
            }
            else if (trailingSlash)
            {
                length = start;
            }
        }

        if (length == 0)
        {
            output[length++] = '/';
        }
        else if (trailingSlash)
        {
            output[length++] = '/';
        }

        return length;
    }

    private static ReadOnlySpan<char> StripParameters(ReadOnlySpan<char> segment)
    {
        var semicolon = segment.IndexOf(';');
        return semicolon < 0 ? segment : segment[..semicolon];
    }

    // RFC 3986 §6.2.2: percent-encoded unreserved characters are decoded, other escapes get
    // upper-case hex, and characters a path may not carry raw are encoded (outside ASCII, as UTF-8).
    private static int Spell(ReadOnlySpan<char> segment, Span<char> output, int length)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (PercentEncoding.TryRead(segment, i, out var value))
            {
                length = IsUnreserved(value) ? Put((char)value, output, length) : PercentEncoding.Write(value, output, length);
                i += 2;
            }
            else if (PlainChars.Contains(c))
            {
                length = Put(c, output, length);
            }
            else
            {
                length = PercentEncoding.WriteUtf8(c, output, length);
            }
        }

        return length;
    }

    private static bool IsUnreserved(byte value) => char.IsAsciiLetterOrDigit((char)value) || value is (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~';

    private static int Put(char c, Span<char> output, int length)
    {
        output[length] = c;
        return length + 1;
    }
}
