using Appliance.Data.Model;

namespace Appliance.Engine.Caching;

/// <summary>A cache rule compiled for the request path: its path test, and what it allows.</summary>
internal sealed class CacheRulePlan
{
    private readonly string? _prefix;
    private readonly GlobPattern? _glob;

    public CacheRulePlan(CacheRuleSpec rule, CacheTargets? targets = null)
    {
        Name = rule.Name;
        Targets = targets ?? CacheTargets.Default;
        HeuristicMax = rule.HeuristicMaxSeconds > 0 ? TimeSpan.FromSeconds(rule.HeuristicMaxSeconds) : null;
        DefaultTtl = rule.Mode == CacheModes.DefaultTtl ? TimeSpan.FromSeconds(rule.DefaultTtlSeconds) : null;
        MaxObjectBytes = rule.MaxObjectBytes;
        IncludeQueryString = rule.IncludeQueryString;
        Extension = StaticMediaTypes.ExtensionOf(rule.Match);
        if (rule.Match.Contains('*', StringComparison.Ordinal))
        {
            _glob = GlobPattern.Parse(rule.Match);
        }
        else
        {
            _prefix = rule.Match.Length > 1 ? rule.Match.TrimEnd('/') : "/";
        }
    }

    public string Name { get; }

    /// <summary>Freshness for responses that carry none; null follows the origin only.</summary>
    public TimeSpan? DefaultTtl { get; }

    /// <summary>The cap on heuristic freshness (RFC 9111 §4.2.2); null when the rule does not allow it.</summary>
    public TimeSpan? HeuristicMax { get; }

    /// <summary>The targeted cache fields (RFC 9213) obeyed over Cache-Control.</summary>
    public CacheTargets Targets { get; }

    public long MaxObjectBytes { get; }

    public bool IncludeQueryString { get; }

    /// <summary>The static file extension the match names (<c>jpg</c> for <c>*.jpg</c>); answers must be of a fitting type to be stored.</summary>
    public string? Extension { get; }

    public bool Matches(string path)
    {
        if (_glob is not null)
        {
            return _glob.IsMatch(path);
        }

        // A prefix matches whole segments: /static takes /static and /static/app.js, not /staticx.
        return _prefix == "/"
            || (path.StartsWith(_prefix!, StringComparison.Ordinal) && (path.Length == _prefix!.Length || path[_prefix.Length] == '/'));
    }
}
