using System.Text;

namespace Appliance.Engine.Caching;

/// <summary>
/// Reads a Dictionary structured field (RFC 8941 §4.2.2) the way a targeted cache field (RFC 9213 §2.1) needs
/// it: member names and a Cache-Control-like rendering of each value. Strict, because RFC 9213 §2.1 says a field
/// that fails to parse is ignored whole; <c>max-age =60</c>, <c>max-age= 60</c> or <c>Max-Age=60</c> then leave
/// Cache-Control in charge rather than being guessed at. Parameters are read and dropped: no cache directive has any.
/// </summary>
internal static class StructuredDictionary
{
    /// <summary>
    /// The members as Cache-Control directives (<c>max-age=60</c>, <c>private</c>, <c>no-cache="x"</c>), a later
    /// duplicate replacing an earlier one (§4.2.2), a member that is false (<c>?0</c>) left out; null when the value
    /// is not a Dictionary.
    /// </summary>
    public static IReadOnlyList<string>? TryReadAsDirectives(string value)
    {
        var members = new List<(string Key, string? Value)>();
        var text = value.AsSpan().Trim(' ');
        var i = 0;
        while (i < text.Length)
        {
            if (!TryKey(text, ref i, out var key))
            {
                return null;
            }

            string? rendered = "";
            if (i < text.Length && text[i] == '=')
            {
                i++;
                // An inner list is no directive's value: kept as an opaque argument, so max-age=(1) is unclear, hence stale.
                var innerList = i < text.Length && text[i] == '(';
                if (!(innerList ? TryInnerList(text, ref i) : TryBareItem(text, ref i, out rendered)))
                {
                    return null;
                }

                rendered = innerList ? "\"\"" : rendered;
            }

            if (!TryParameters(text, ref i))
            {
                return null;
            }

            // RFC 9213 §2.1: a directive whose value has the wrong type (max-age="60") makes the whole field invalid.
            if (TakesSeconds(key) && rendered is not null && !IsInteger(rendered))
            {
                return null;
            }

            members.RemoveAll(m => m.Key == key);
            members.Add((key, rendered));
            SkipOws(text, ref i);
            if (i == text.Length)
            {
                break;
            }

            if (text[i] != ',')
            {
                return null;
            }

            i++;
            SkipOws(text, ref i);
            if (i == text.Length)
            {
                return null;
            }
        }

        return members.Where(m => m.Value is not null).Select(m => m.Value!.Length == 0 ? m.Key : $"{m.Key}={m.Value}").ToArray();
    }

    private static bool TakesSeconds(string key) =>
        key is "max-age" or "s-maxage" or "stale-while-revalidate" or "stale-if-error";

    private static bool IsInteger(string rendered) =>
        rendered.Length > 0 && rendered.AsSpan(rendered[0] == '-' ? 1 : 0) is { Length: > 0 } digits && !digits.ContainsAnyExceptInRange('0', '9');

    private static bool TryKey(ReadOnlySpan<char> text, ref int i, out string key)
    {
        key = "";
        if (i >= text.Length || !(char.IsAsciiLetterLower(text[i]) || text[i] == '*'))
        {
            return false;
        }

        var start = i;
        while (i < text.Length && (char.IsAsciiLetterLower(text[i]) || char.IsAsciiDigit(text[i]) || text[i] is '_' or '-' or '.' or '*'))
        {
            i++;
        }

        key = text[start..i].ToString();
        return true;
    }

    // A bare item rendered for Cache-Control: true as "" (the directive alone), false as null (left out).
    private static bool TryBareItem(ReadOnlySpan<char> text, ref int i, out string? rendered)
    {
        rendered = null;
        if (i >= text.Length)
        {
            return false;
        }

        var c = text[i];
        var start = i;
        if (c == '-' || char.IsAsciiDigit(c))
        {
            return TryNumber(text, ref i, out rendered);
        }

        if (c == '"')
        {
            return TryString(text, ref i, out rendered);
        }

        if (c == '?')
        {
            if (i + 1 < text.Length && text[i + 1] is '0' or '1')
            {
                rendered = text[i + 1] == '1' ? "" : null;
                i += 2;
                return true;
            }

            return false;
        }

        if (c == ':')
        {
            i++;
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '+' or '/' or '='))
            {
                i++;
            }

            rendered = "\"\"";
            return i < text.Length && text[i++] == ':';
        }

        if (char.IsAsciiLetter(c) || c == '*')
        {
            i++;
            while (i < text.Length && (IsTchar(text[i]) || text[i] is ':' or '/'))
            {
                i++;
            }

            rendered = text[start..i].ToString();
            return true;
        }

        return false;
    }

    // sf-integer: at most 15 digits; sf-decimal: at most 12 before the point and 1 to 3 after.
    private static bool TryNumber(ReadOnlySpan<char> text, ref int i, out string? rendered)
    {
        rendered = null;
        var start = i;
        if (text[i] == '-')
        {
            i++;
        }

        var digitsStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var integerDigits = i - digitsStart;
        if (integerDigits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            var fractionStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var fractionDigits = i - fractionStart;
            if (integerDigits > 12 || fractionDigits is < 1 or > 3)
            {
                return false;
            }
        }
        else if (integerDigits > 15)
        {
            return false;
        }

        rendered = text[start..i].ToString();
        return true;
    }

    private static bool TryString(ReadOnlySpan<char> text, ref int i, out string? rendered)
    {
        rendered = null;
        var builder = new StringBuilder("\"");
        i++;
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '\\')
            {
                if (i >= text.Length || text[i] is not ('"' or '\\'))
                {
                    return false;
                }

                builder.Append('\\').Append(text[i++]);
            }
            else if (c == '"')
            {
                rendered = builder.Append('"').ToString();
                return true;
            }
            else if (c is < ' ' or > '~')
            {
                return false;
            }
            else
            {
                builder.Append(c);
            }
        }

        return false;
    }

    private static bool TryInnerList(ReadOnlySpan<char> text, ref int i)
    {
        i++;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (i < text.Length && text[i] == ')')
            {
                i++;
                return TryParameters(text, ref i);
            }

            if (!TryBareItem(text, ref i, out _) || !TryParameters(text, ref i) || i >= text.Length || text[i] is not (' ' or ')'))
            {
                return false;
            }
        }

        return false;
    }

    private static bool TryParameters(ReadOnlySpan<char> text, ref int i)
    {
        while (i < text.Length && text[i] == ';')
        {
            i++;
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (!TryKey(text, ref i, out _))
            {
                return false;
            }

            if (i < text.Length && text[i] == '=')
            {
                i++;
                if (!TryBareItem(text, ref i, out _))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static void SkipOws(ReadOnlySpan<char> text, ref int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }
    }

    private static bool IsTchar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);
}
