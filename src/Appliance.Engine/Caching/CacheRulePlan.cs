using System.Text.RegularExpressions;
using Appliance.Data.Model;

namespace Appliance.Engine.Caching;

/// <summary>A cache rule compiled for the request path: its path test, and what it allows.</summary>
internal sealed class CacheRulePlan
{
    private readonly string? _prefix;
    private readonly Regex? _glob;

    public CacheRulePlan(CacheRuleSpec rule)
    {
        Name = rule.Name;
        DefaultTtl = rule.Mode == CacheModes.DefaultTtl ? TimeSpan.FromSeconds(rule.DefaultTtlSeconds) : null;
        MaxObjectBytes = rule.MaxObjectBytes;
        IncludeQueryString = rule.IncludeQueryString;
        if (rule.Match.Contains('*', StringComparison.Ordinal))
        {
            _glob = CompileGlob(rule.Match);
        }
        else
        {
            _prefix = rule.Match.Length > 1 ? rule.Match.TrimEnd('/') : "/";
        }
    }

    public string Name { get; }

    /// <summary>Freshness for responses that carry none; null follows the origin only.</summary>
    public TimeSpan? DefaultTtl { get; }

    public long MaxObjectBytes { get; }

    public bool IncludeQueryString { get; }

    public bool Matches(string path)
    {
        if (_glob is not null)
        {
            return _glob.IsMatch(path);
        }

        return _prefix == "/" || path.Equals(_prefix, StringComparison.Ordinal) || path.StartsWith(_prefix + "/", StringComparison.Ordinal);
    }

    // "*" stays within a segment, "**" crosses them; a glob without a leading slash matches the last segment anywhere.
    private static Regex CompileGlob(string glob)
    {
        var pattern = glob.StartsWith('/') ? glob : "/**/" + glob;
        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "/**/" also matches a single "/".
                if (i + 2 < pattern.Length && pattern[i + 2] == '/')
                {
                    regex.Append("(?:.*/)?");
                    i += 2;
                }
                else
                {
                    regex.Append(".*");
                    i++;
                }
            }
            else if (pattern[i] == '*')
            {
                regex.Append("[^/]*");
            }
            else
            {
                regex.Append(Regex.Escape(pattern[i].ToString()));
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromMilliseconds(50));
    }
}
