using Appliance.Data.Model;

namespace Appliance.Web.Components.Pages.Cache;

/// <summary>
/// The cache-rule form's editable state. It keeps the rule it was opened with and saves that rule
/// with only the form's fields changed, so a member the form does not show survives a save.
/// </summary>
public sealed class CacheRuleFormModel
{
    // What the form started from: the stored rule, or the API's defaults for a new one (with a
    // narrower match to start from than the API's "/", which would cache every path).
    private readonly CacheRuleSpec _stored;

    public CacheRuleFormModel()
        : this(new CacheRuleSpec { Match = "/static" })
    {
    }

    private CacheRuleFormModel(CacheRuleSpec stored)
    {
        _stored = stored;
        Name = stored.Name;
        Route = stored.Route;
        Match = stored.Match;
        Mode = stored.Mode;
        DefaultTtlSeconds = stored.DefaultTtlSeconds;
        MaxObjectBytes = stored.MaxObjectBytes;
        IncludeQueryString = stored.IncludeQueryString;
    }

    public string Name { get; set; }
    public string? Route { get; set; }
    public string Match { get; set; }
    public string Mode { get; set; }
    public int DefaultTtlSeconds { get; set; }
    public long MaxObjectBytes { get; set; }
    public bool IncludeQueryString { get; set; }

    /// <summary>
    /// The largest object in KiB, as the form asks for it. A size set through the API in bytes that is
    /// no whole number of KiB keeps its exact bytes until the operator types a different number here.
    /// </summary>
    public long MaxObjectKiB
    {
        get => MaxObjectBytes / 1024;
        set
        {
            if (value != MaxObjectBytes / 1024)
            {
                MaxObjectBytes = value * 1024;
            }
        }
    }

    /// <summary>A form for <paramref name="rule"/> as stored.</summary>
    public static CacheRuleFormModel From(CacheRuleSpec rule) => new(rule);

    /// <summary>The stored rule with the form's fields applied.</summary>
    public CacheRuleSpec ToSpec() => _stored with
    {
        Name = Name,
        Route = Route,
        Match = Match,
        Mode = Mode,
        DefaultTtlSeconds = DefaultTtlSeconds,
        MaxObjectBytes = MaxObjectBytes,
        IncludeQueryString = IncludeQueryString,
    };
}
