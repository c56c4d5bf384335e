using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Cache;

/// <summary>
/// The cache-rule form's editable state: the rule it was opened with, or a new one, changed only in
/// the fields the form shows; see <see cref="FormModel{TSpec}"/>.
/// </summary>
public sealed class CacheRuleFormModel : FormModel<CacheRuleSpec>
{
    /// <summary>
    /// A new rule: the API's defaults but for the match, which starts narrower than the API's "/"
    /// (every path) so that saving the form as it opens does not cache a whole site.
    /// </summary>
    public CacheRuleFormModel()
        : base(new CacheRuleSpec { Match = "/static" })
    {
    }

    /// <summary>A form for <paramref name="rule"/> as stored.</summary>
    public CacheRuleFormModel(CacheRuleSpec rule)
        : base(rule)
    {
    }

    public string Name { get => Spec.Name; set => Spec = Spec with { Name = value }; }

    public string? Route { get => Spec.Route; set => Spec = Spec with { Route = value }; }

    public string Match { get => Spec.Match; set => Spec = Spec with { Match = value }; }

    public string Mode { get => Spec.Mode; set => Spec = Spec with { Mode = value }; }

    public int DefaultTtlSeconds { get => Spec.DefaultTtlSeconds; set => Spec = Spec with { DefaultTtlSeconds = value }; }

    public bool IncludeQueryString { get => Spec.IncludeQueryString; set => Spec = Spec with { IncludeQueryString = value }; }

    /// <summary>The cap on heuristic freshness (RFC 9111 §4.2.2) in seconds; 0 turns it off.</summary>
    public int HeuristicMaxSeconds { get => Spec.HeuristicMaxSeconds; set => Spec = Spec with { HeuristicMaxSeconds = value }; }

    /// <summary>The exact size stored, which <see cref="MaxObjectKiB"/> may round.</summary>
    public long MaxObjectBytes => Spec.MaxObjectBytes;

    /// <summary>
    /// The largest object in KiB, as the form asks for it. A size set through the API in bytes that is
    /// no whole number of KiB keeps its exact bytes until the operator types a different number here.
    /// </summary>
    public long MaxObjectKiB
    {
        get => Spec.MaxObjectBytes / 1024;
        set
        {
            if (value != Spec.MaxObjectBytes / 1024)
            {
                Spec = Spec with { MaxObjectBytes = value * 1024 };
            }
        }
    }
}
