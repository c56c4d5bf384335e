using System.Buffers;
using System.Text;

namespace Appliance.Engine.Tests.Routing;

/// <summary>
/// The canonical path as it was first written, plainly, segment by segment with strings (slow and
/// wasteful, which is why the engine's is written another way), with the two refusals added later:
/// a dot segment that only decoding reveals, and escapes that are not UTF-8. Tests compare the
/// engine with it on many targets, so that the fast one keeps the plain one's behaviour.
/// </summary>
internal static class CanonicalPathReference
{
    private static readonly SearchValues<char> PlainChars =
        SearchValues.Create("!$&'()*+,-./0123456789:=@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");

    /// <summary>(decision, forward) of a path that starts with a slash, or null when it is refused.</summary>
    public static (string Decision, string Forward)? Of(string path)
    {
        var forward = Normalize(path.Split('/', '\\').Select(s => Spell(StripParameters(s))));
        var bytes = DecodeAll(forward);
        var decoded = new UTF8Encoding(false, throwOnInvalidBytes: true);
        string text;
        try
        {
            text = decoded.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var segments = text.Split('/', '\\');
        if (segments.Any(s => s is "." or "..") || text.Any(c => c < ' ' || c == '\u007F'))
        {
            return null;
        }

        return (Normalize(segments), forward);
    }

    private static string Normalize(IEnumerable<string> split)
    {
        var segments = new List<string>();
        var trailingSlash = false;
        foreach (var segment in split)
        {
            trailingSlash = segment is "" or "." or "..";
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("" or "."))
            {
                segments.Add(segment);
            }
        }

        return segments.Count == 0 ? "/" : "/" + string.Join('/', segments) + (trailingSlash ? "/" : "");
    }

    private static string StripParameters(string segment) => segment.Split(';')[0];

    private static string Spell(string segment)
    {
        var spelled = new StringBuilder();
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (c == '%' && i + 2 < segment.Length && char.IsAsciiHexDigit(segment[i + 1]) && char.IsAsciiHexDigit(segment[i + 2]))
            {
                var value = (char)Convert.ToByte(segment.Substring(i + 1, 2), 16);
                spelled.Append(char.IsAsciiLetterOrDigit(value) || value is '-' or '.' or '_' or '~'
                    ? value.ToString()
                    : "%" + segment.Substring(i + 1, 2).ToUpperInvariant());
                i += 2;
            }
            else if (PlainChars.Contains(c))
            {
                spelled.Append(c);
            }
            else
            {
                foreach (var b in Encoding.UTF8.GetBytes(c.ToString()))
                {
                    spelled.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return spelled.ToString();
    }

    private static byte[] DecodeAll(string spelled)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < spelled.Length; i++)
        {
            if (spelled[i] == '%' && i + 2 < spelled.Length && char.IsAsciiHexDigit(spelled[i + 1]) && char.IsAsciiHexDigit(spelled[i + 2]))
            {
                bytes.Add(Convert.ToByte(spelled.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)spelled[i]);
            }
        }

        return [.. bytes];
    }
}
