using System.Text;
using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Caching;

/// <summary>
/// Reads Cache-Control field lines as a list of <c>token [ "=" ( token / quoted-string ) ]</c>
/// (RFC 9111 §5.2, RFC 9110 §5.6). Tolerant by element: an element that does not fit the grammar is
/// skipped up to the next comma and the others still count, where ASP.NET's parser gives up on the
/// whole field and with it on private and no-store. Whether anything was skipped is reported, so a
/// caller can refuse to store what it could not fully read.
/// </summary>
internal static class CacheControlSyntax
{
    /// <summary>The directives of every line, in order; false when some part of a line was not a directive.</summary>
    public static bool TryRead(StringValues lines, List<CacheControlDirective> directives)
    {
        var whole = true;
        foreach (var line in lines)
        {
            // Each line on its own: an open quote in one cannot swallow the next.
            whole &= ReadLine(line ?? "", directives);
        }

        return whole;
    }

    private static bool ReadLine(string line, List<CacheControlDirective> directives)
    {
        var whole = true;
        var i = 0;
        while (true)
        {
            // A list may have empty elements and whitespace around commas (RFC 9110 §5.6.1).
            while (i < line.Length && (line[i] == ',' || IsWhitespace(line[i])))
            {
                i++;
            }

            if (i == line.Length)
            {
                return whole;
            }

            if (TryReadElement(line, ref i, out var directive))
            {
                directives.Add(directive);
                continue;
            }

            whole = false;
            SkipToNextElement(line, ref i);
        }
    }

    // One element and the whitespace after it, ending at a comma or the end of the line.
    private static bool TryReadElement(string line, ref int i, out CacheControlDirective directive)
    {
        directive = default;
        var name = ReadToken(line, ref i);
        if (name.Length == 0)
        {
            return false;
        }

        // Whitespace around "=" is outside the grammar but its meaning is not in doubt.
        SkipWhitespace(line, ref i);
        string? argument = null;
        if (i < line.Length && line[i] == '=')
        {
            i++;
            SkipWhitespace(line, ref i);
            if (i < line.Length && line[i] == '"')
            {
                if (!TryReadQuoted(line, ref i, out argument))
                {
                    return false;
                }
            }
            else
            {
                argument = ReadToken(line, ref i);
            }

            SkipWhitespace(line, ref i);
        }

        if (i < line.Length && line[i] != ',')
        {
            return false;
        }

        directive = new CacheControlDirective(name.ToLowerInvariant(), argument);
        return true;
    }

    private static string ReadToken(string line, ref int i)
    {
        var start = i;
        while (i < line.Length && IsTokenChar(line[i]))
        {
            i++;
        }

        return line[start..i];
    }

    // A quoted-string with its quoted-pairs undone; false when it never closes.
    private static bool TryReadQuoted(string line, ref int i, out string? value)
    {
        var text = new StringBuilder();
        for (i++; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                i++;
                value = text.ToString();
                return true;
            }

            if (c == '\\' && i + 1 < line.Length)
            {
                c = line[++i];
            }

            text.Append(c);
        }

        value = null;
        return false;
    }

    // Past the rest of a bad element: commas inside a quoted-string do not end it, and an open quote runs to the end.
    private static void SkipToNextElement(string line, ref int i)
    {
        var quoted = false;
        for (; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '\\')
            {
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                return;
            }
        }
    }

    private static void SkipWhitespace(string line, ref int i)
    {
        while (i < line.Length && IsWhitespace(line[i]))
        {
            i++;
        }
    }

    private static bool IsWhitespace(char c) => c is ' ' or '\t';

    // tchar (RFC 9110 §5.6.2).
    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
}
