namespace Appliance.Data.Model;

/// <summary>
/// A path pattern of a ban rule, as the validator checks it and the data plane matches it: segments
/// of literal text and <c>*</c> (any characters within one segment), and a last segment <c>**</c>
/// that stands for the path before it and anything below (<c>/.git/**</c> takes <c>/.git</c> and
/// <c>/.git/config</c>). Compared case-insensitively with the canonical (decoded) path, as routes
/// are; a trailing slash on the path is ignored, so <c>/wp-login.php/</c> counts as <c>/wp-login.php</c>.
/// </summary>
public sealed class BanPathPattern
{
    /// <summary>The longest pattern the store takes.</summary>
    public const int MaxLength = 256;

    private readonly string[] _segments;
    private readonly bool _subtree;

    private BanPathPattern(string text, string[] segments, bool subtree)
    {
        Text = text;
        _segments = segments;
        _subtree = subtree;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>The pattern, or null with <paramref name="problem"/> saying why it cannot be one.</summary>
    public static BanPathPattern? TryParse(string? text, out string? problem)
    {
        problem = Problem(text);
        if (problem is not null)
        {
            return null;
        }

        var segments = text!.Length == 1 ? [] : text[1..].Split('/');
        var subtree = segments.Length > 0 && segments[^1] == "**";
        return new BanPathPattern(text, subtree ? segments[..^1] : segments, subtree);
    }

    /// <summary>True when the canonical path <paramref name="path"/> is one the pattern names.</summary>
    public bool Matches(ReadOnlySpan<char> path)
    {
        if (path.IsEmpty || path[0] != '/')
        {
            return false;
        }

        path = path[1..];
        if (path.Length > 0 && path[^1] == '/')
        {
            path = path[..^1];
        }

        var index = 0;
        while (true)
        {
            if (index == _segments.Length)
            {
                // Every segment matched: the path must end here, unless the pattern takes what lies below.
                return path.IsEmpty || _subtree;
            }

            if (path.IsEmpty)
            {
                return false;
            }

            var slash = path.IndexOf('/');
            var segment = slash < 0 ? path : path[..slash];
            if (!Glob(_segments[index], segment))
            {
                return false;
            }

            path = slash < 0 ? [] : path[(slash + 1)..];
            index++;
        }
    }

    /// <summary>What is wrong with <paramref name="text"/> as a pattern, or null when nothing is.</summary>
    public static string? Problem(string? text)
    {
        if (string.IsNullOrEmpty(text) || text[0] != '/')
        {
            return "A path pattern starts with '/'.";
        }

        if (text.Length > MaxLength)
        {
            return $"A path pattern has at most {MaxLength} characters.";
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || c is '?' or '#' or '%' or '\\' or ';')
            {
                return "Write the path as decoded, without spaces, '?', '#', '%', '\\' or ';': it is matched on the canonical path, which has none of them.";
            }
        }

        if (text.Length == 1)
        {
            return null;
        }

        var segments = text[1..].Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0)
            {
                return i == segments.Length - 1
                    ? "Leave out the trailing '/': a trailing slash is ignored on both sides; end with '/**' to take everything below."
                    : "A path pattern has no empty segment ('//'): the canonical path has none.";
            }

            if (segment is "." or "..")
            {
                return "A path pattern has no '.' or '..' segment: the canonical path has them resolved.";
            }

            if (segment.Contains("**", StringComparison.Ordinal) && (segment != "**" || i != segments.Length - 1))
            {
                return "'**' stands alone as the last segment ('/.git/**'); use '*' within a segment.";
            }
        }

        return null;
    }

    // '*' takes any run of characters of one segment; the rest compares case-insensitively.
    private static bool Glob(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (p < pattern.Length && char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(text[t]))
            {
                p++;
                t++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
