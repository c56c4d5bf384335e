using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Caching;

/// <summary>Entity-tags (RFC 9110 §8.8.3), lists of them, and their two comparisons (§8.8.3.2).</summary>
internal static class EntityTags
{
    /// <summary>
    /// The members of an If-None-Match (or If-Match) list, each trimmed: split on the commas between tags
    /// only, since an opaque-tag may itself contain a comma ("a,b" is one tag).
    /// </summary>
    public static IEnumerable<string> ListOf(StringValues field)
    {
        foreach (var line in field)
        {
            var text = line ?? "";
            var start = 0;
            var quoted = false;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && text[i] == '"')
                {
                    quoted = !quoted;
                }
                else if (i == text.Length || (text[i] == ',' && !quoted))
                {
                    if (text.AsSpan(start, i - start).Trim(" \t") is { Length: > 0 } member)
                    {
                        yield return member.ToString();
                    }

                    start = i + 1;
                }
            }
        }
    }

    public static bool IsWeak(string tag) => tag.StartsWith("W/", StringComparison.Ordinal);

    /// <summary>Strong comparison: both strong and the same characters.</summary>
    public static bool StrongMatch(string a, string b) => !IsWeak(a) && !IsWeak(b) && string.Equals(a, b, StringComparison.Ordinal);

    /// <summary>Weak comparison: the same opaque tag, whether either is weak or not.</summary>
    public static bool WeakMatch(string a, string b) => string.Equals(Opaque(a), Opaque(b), StringComparison.Ordinal);

    private static string Opaque(string tag) => IsWeak(tag) ? tag[2..] : tag;
}
