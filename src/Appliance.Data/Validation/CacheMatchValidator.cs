using System.Text.RegularExpressions;

namespace Appliance.Data.Validation;

/// <summary>
/// Whether a cache rule's match is a pattern the data plane can test on every request cheaply:
/// a path prefix or a glob of bounded length and wildcards, in the characters a canonical path uses.
/// </summary>
/// <remarks>
/// The engine's matcher needs at most path length × pattern length steps, so the length bound is
/// what keeps a burst of long paths cheap; the wildcard bound keeps patterns readable (nobody
/// needs nine) and refuses the shapes that only an attack or a typo produces.
/// </remarks>
internal static partial class CacheMatchValidator
{
    public const int MaxLength = 256;
    public const int MaxWildcards = 8;

    /// <summary>The message for a match the data plane would refuse, or null when it is fine.</summary>
    public static string? Problem(string? match)
    {
        if (string.IsNullOrEmpty(match) || (!match.StartsWith('/') && !match.Contains('*', StringComparison.Ordinal)))
        {
            return "Use a path prefix such as /static, or a glob such as /static/** or *.css ('*' within a segment, '**' across segments).";
        }

        if (match.Length > MaxLength)
        {
            return $"A match has at most {MaxLength} characters; this one has {match.Length}.";
        }

        if (!Characters().IsMatch(match))
        {
            return "A match uses letters, digits, '/', '*' and - . _ ~ ! $ & ' ( ) + , ; = : @ (no spaces, '?', '#', '%', brackets or non-ASCII letters).";
        }

        if (match.Contains("***", StringComparison.Ordinal))
        {
            return "'***' is not a wildcard: use '*' within a segment or '**' across segments.";
        }

        var wildcards = Wildcards().Count(match);
        if (wildcards > MaxWildcards)
        {
            return $"A match has at most {MaxWildcards} wildcards ('*' or '**'); this one has {wildcards}.";
        }

        return null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9\-._~!$&'()+,;=:@/*]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Characters();

    [GeneratedRegex(@"\*\*?", RegexOptions.CultureInvariant)]
    private static partial Regex Wildcards();
}
