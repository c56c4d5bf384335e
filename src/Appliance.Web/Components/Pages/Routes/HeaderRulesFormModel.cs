using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Routes;

/// <summary>
/// One side of a route's header rules in the form: a row per header set, and the removed names one
/// a line; see <see cref="FormModel{TSpec}"/>. Rows keep their order, so an unchanged side saves as stored.
/// </summary>
public sealed class HeaderRulesFormModel : FormModel<HeaderRulesSpec>
{
    /// <summary>The rules as stored (or the API's empty default).</summary>
    public HeaderRulesFormModel(HeaderRulesSpec rules)
        : base(rules) =>
        Rows = rules.Set.Select(s => new HeaderSetFormRow { Name = s.Key, Value = s.Value }).ToList();

    public List<HeaderSetFormRow> Rows { get; }

    /// <summary>One name a line; blank lines are dropped.</summary>
    public string RemoveText
    {
        get => string.Join('\n', Spec.Remove);
        set => Spec = Spec with { Remove = (value ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
    }

    /// <summary>How many rules the side has, for the folded section's title.</summary>
    public int Count => Rows.Count + Spec.Remove.Count;

    /// <summary>A name two rows set, which one JSON object cannot hold; null when there is none.</summary>
    public string? TwiceSetName =>
        Rows.GroupBy(r => r.Name.Trim(), StringComparer.Ordinal).FirstOrDefault(g => g.Key.Length > 0 && g.Count() > 1)?.Key;

    /// <inheritdoc />
    public override HeaderRulesSpec ToSpec()
    {
        var set = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in Rows)
        {
            set.TryAdd(row.Name, row.Value);
        }

        return Spec with { Set = set };
    }
}
