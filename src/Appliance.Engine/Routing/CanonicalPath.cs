using System.Buffers;
using System.Text;

namespace Appliance.Engine.Routing;

/// <summary>
/// The one form of a request's path that every decision is made on and that the backend gets, so
/// that the proxy and the backend can never disagree about which resource a request names. Made
/// from the request target as the client sent it: backslashes count as slashes (as browsers read
/// them), repeated slashes are merged, dot segments are resolved (also when percent-encoded), and
/// <c>;</c> path parameters are removed from every segment, because servlet containers drop them
/// before routing and would otherwise read <c>/admin;x/secret</c> as <c>/admin/secret</c>.
/// </summary>
/// <remarks>
/// Two spellings of that one path: <see cref="Forward"/> keeps the client's percent-encodings of
/// reserved characters (<c>%2F</c> reaches the backend as sent, never as <c>%252F</c>) and is what
/// the backend, the cache key and redirects use; <see cref="Decision"/> is fully decoded, with
/// encoded slashes and backslashes read as separators too, so that a route, access list or cache
/// rule decides on the most separated reading any backend could make of the request.
/// </remarks>
internal sealed class CanonicalPath
{
    // Characters a path may carry as they are (RFC 3986 pchar without "%" and ";"): a target made
    // only of these, with no "//" and no "/.", is already canonical in both spellings.
    private static readonly SearchValues<char> PlainChars =
        SearchValues.Create("!$&'()*+,-./0123456789:=@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~");

    private static readonly SearchValues<char> Separators = SearchValues.Create("/\\");

    private CanonicalPath(string decision, string forward)
    {
        Decision = decision;
        Forward = forward;
    }

    /// <summary>Decoded, for matching: what routes, access lists and cache rules decide on.</summary>
    public string Decision { get; }

    /// <summary>Percent-encoded as the client encoded it, for the backend and the cache key.</summary>
    public string Forward { get; }

    /// <summary>
    /// The path <paramref name="request"/> is forwarded with, percent-encoded: what the backend
    /// gets, so also what the cache keys on and redirects name.
    /// </summary>
    public static string ForwardOf(Microsoft.AspNetCore.Http.HttpRequest request) =>
        request.HttpContext.Features.Get<CanonicalPath>()?.Forward ?? request.Path.ToUriComponent();

    /// <summary>
    /// Reads the path of a request target (origin or absolute form). Null when the target is
    /// already canonical as it is (the common case, which costs one scan), or names no path
    /// (<c>*</c>, authority form). <paramref name="valid"/> is false when the decoded path holds a
    /// control character, which no backend should have to interpret.
    /// </summary>
    public static CanonicalPath? From(string rawTarget, out bool valid)
    {
        valid = true;
        var path = PathOf(rawTarget);
        if (path.IsEmpty || IsAlreadyCanonical(path))
        {
            return null;
        }

        var forward = Normalize(path, decode: false)!;

        // The forward spelling has resolved its own dot segments; one that appears only once %2F or
        // %5C is decoded (/admin/..%2Fsecret) would move the decision out of a prefix while a
        // backend that keeps %2F as data stays in it, so no answer could be right for both.
        var decision = DecodeAll(forward) is { } decoded ? Normalize(decoded, decode: true) : null;
        valid = decision is not null && !decision.AsSpan().ContainsAnyInRange('\0', '\u001F') && !decision.Contains('\u007F', StringComparison.Ordinal);
        return valid ? new CanonicalPath(decision!, forward) : null;
    }

    private static ReadOnlySpan<char> PathOf(string rawTarget)
    {
        var target = rawTarget.AsSpan();
        var query = target.IndexOf('?');
        if (query >= 0)
        {
            target = target[..query];
        }

        if (target.StartsWith("/"))
        {
            return target;
        }

        // Absolute form (RFC 9112 §3.2.2): the path starts after the authority.
        var scheme = target.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return default;
        }

        var afterAuthority = target[(scheme + 3)..];
        var slash = afterAuthority.IndexOf('/');
        return slash < 0 ? "/" : afterAuthority[slash..];
    }

    private static bool IsAlreadyCanonical(ReadOnlySpan<char> path) =>
        !path.ContainsAnyExcept(PlainChars) && !path.Contains("//", StringComparison.Ordinal) && !path.Contains("/.", StringComparison.Ordinal);

    // Splits on both separators, drops empty and "." segments, lets ".." remove the one before it
    // (never above the root) and keeps a trailing slash. Forward segments also lose their path
    // parameters and get one spelling of each character; decision segments are already decoded,
    // and a dot segment among them refuses the path (null).
    private static string? Normalize(ReadOnlySpan<char> path, bool decode)
    {
        var segments = new List<string>();
        var trailingSlash = false;
        foreach (var range in path.SplitAny(Separators))
        {
            var raw = path[range];
            var segment = decode ? raw.ToString() : Spell(StripParameters(raw));
            trailingSlash = segment is "" or "." or "..";
            if (decode && segment is "." or "..")
            {
                return null;
            }

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

    private static ReadOnlySpan<char> StripParameters(ReadOnlySpan<char> segment)
    {
        var semicolon = segment.IndexOf(';');
        return semicolon < 0 ? segment : segment[..semicolon];
    }

    // RFC 3986 §6.2.2: percent-encoded unreserved characters are decoded, other escapes get
    // upper-case hex, and characters a path may not carry raw are encoded (outside ASCII, as UTF-8).
    private static string Spell(ReadOnlySpan<char> segment)
    {
        var spelled = new StringBuilder(segment.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (c == '%' && i + 2 < segment.Length && IsHex(segment[i + 1]) && IsHex(segment[i + 2]))
            {
                var value = (char)Convert.ToByte(segment.Slice(i + 1, 2).ToString(), 16);
                if (char.IsAsciiLetterOrDigit(value) || value is '-' or '.' or '_' or '~')
                {
                    spelled.Append(value);
                }
                else
                {
                    spelled.Append('%').Append(char.ToUpperInvariant(segment[i + 1])).Append(char.ToUpperInvariant(segment[i + 2]));
                }

                i += 2;
            }
            else if (PlainChars.Contains(c))
            {
                spelled.Append(c);
            }
            else
            {
                var count = Encoding.UTF8.GetBytes([c], utf8);
                foreach (var b in utf8[..count])
                {
                    spelled.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        return spelled.ToString();
    }

    // Every escape decoded to its byte, the bytes read as UTF-8; null when they are not UTF-8
    // (%C0%AE, an overlong dot, or a lone %E9), which no honest client sends.
    private static string? DecodeAll(string spelled)
    {
        if (!spelled.Contains('%', StringComparison.Ordinal))
        {
            return spelled;
        }

        var bytes = new byte[spelled.Length];
        var length = 0;
        for (var i = 0; i < spelled.Length; i++)
        {
            if (spelled[i] == '%' && i + 2 < spelled.Length && IsHex(spelled[i + 1]) && IsHex(spelled[i + 2]))
            {
                bytes[length++] = Convert.ToByte(spelled.Substring(i + 1, 2), 16);
                i += 2;
            }
            else
            {
                bytes[length++] = (byte)spelled[i];
            }
        }

        return System.Text.Unicode.Utf8.IsValid(bytes.AsSpan(0, length)) ? Encoding.UTF8.GetString(bytes, 0, length) : null;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}
