using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Routes;

/// <summary>One editable header, query or cookie condition of a route, as stored or new.</summary>
public sealed class ConditionFormRow : FormModel<MatchConditionSpec>
{
    public ConditionFormRow()
    {
    }

    public ConditionFormRow(MatchConditionSpec condition)
        : base(condition)
    {
    }

    public string Name { get => Spec.Name; set => Spec = Spec with { Name = value }; }

    public string Mode { get => Spec.Mode; set => Spec = Spec with { Mode = value }; }

    /// <summary>One value per line: a value may hold commas, never a line break.</summary>
    public string ValuesText
    {
        get => string.Join('\n', Spec.Values);
        set => Spec = Spec with { Values = (value ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
    }

    /// <summary>Exists and NotExists read no values, so the form offers none.</summary>
    public bool HasValues => !MatchModes.IgnoresValues(Mode);
}
