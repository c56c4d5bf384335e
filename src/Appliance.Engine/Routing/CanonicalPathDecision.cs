using System.Text.Unicode;

namespace Appliance.Engine.Routing;

/// <summary>
/// Writes the decision spelling of a path (<see cref="CanonicalPath.Decision"/>) from its forward
/// spelling in one pass: every escape decoded to its byte, <c>%2F</c> and <c>%5C</c> read as
/// separators, repeated separators merged. Refuses what only a client trying to confuse the proxy
/// sends: a dot segment that appears only once a separator is decoded (<c>/admin/..%2Fsecret</c>
/// is <c>/secret</c> when decoded, while a backend that keeps <c>%2F</c> as data stays under
/// <c>/admin</c>, so no decision could be right for both readings), bytes that are not UTF-8
/// (<c>%C0%AE</c>, an overlong dot), and control characters.
/// </summary>
internal static class CanonicalPathDecision
{
    /// <summary>
    /// Writes the decoded path as UTF-8 into <paramref name="output"/> (no longer than
    /// <paramref name="forward"/>); the length written, or -1 when the path is refused.
    /// <paramref name="forward"/> starts with a slash and holds no dot segment of its own.
    /// </summary>
    public static int Write(ReadOnlySpan<char> forward, Span<byte> output)
    {
        var length = 0;
        var start = -1;
        for (var i = 0; i < forward.Length; i++)
        {
            byte b;
            if (PercentEncoding.TryRead(forward, i, out b))
            {
                i += 2;
            }
            else
            {
                b = (byte)forward[i];
            }

            if (b is (byte)'/' or (byte)'\\')
            {
                if (!Close(output, ref length, start))
                {
                    return -1;
                }

                output[length++] = (byte)'/';
                start = length;
            }
            else if (b < 0x20 || b == 0x7F)
            {
                return -1;
            }
            else
            {
                output[length++] = b;
            }
        }

        var trailingSlash = start == length;
        if (!Close(output, ref length, start))
        {
            return -1;
        }

        if (length == 0 || trailingSlash)
        {
            output[length++] = (byte)'/';
        }

        return Utf8.IsValid(output[..length]) ? length : -1;
    }

    // Ends the segment that starts at start: an empty one goes with its slash (merged separators),
    // a dot segment refuses the path.
    private static bool Close(Span<byte> output, ref int length, int start)
    {
        if (start < 0)
        {
            return true;
        }

        var segment = output[start..length];
        if (segment.IsEmpty)
        {
            length = start - 1;
            return true;
        }

        return !segment.SequenceEqual("."u8) && !segment.SequenceEqual(".."u8);
    }
}
