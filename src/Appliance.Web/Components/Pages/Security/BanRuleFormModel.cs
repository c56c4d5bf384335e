using System.Globalization;
using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Security;

/// <summary>
/// The ban-rule form's editable state: the rule it was opened with (or the API's defaults), changed
/// only in the fields shown. Statuses are typed as one line ("401, 403") and paths one a line; a
/// status that is not a number is refused before the store is asked (<see cref="StatusesProblem"/>).
/// </summary>
public sealed class BanRuleFormModel : FormModel<BanRuleSpec>
{
    private string _statuses;
    private string _paths;

    public BanRuleFormModel()
        : this(new BanRuleSpec())
    {
    }

    /// <summary>A form for <paramref name="rule"/> as stored.</summary>
    public BanRuleFormModel(BanRuleSpec rule)
        : base(rule)
    {
        _statuses = string.Join(", ", rule.Statuses);
        _paths = string.Join("\n", rule.Paths);
    }

    public string Name { get => Spec.Name; set => Spec = Spec with { Name = value }; }

    public bool Enabled { get => Spec.Enabled; set => Spec = Spec with { Enabled = value }; }

    public int Threshold { get => Spec.Threshold; set => Spec = Spec with { Threshold = value }; }

    public int WindowSeconds { get => Spec.WindowSeconds; set => Spec = Spec with { WindowSeconds = value }; }

    public int BanSeconds { get => Spec.BanSeconds; set => Spec = Spec with { BanSeconds = value }; }

    /// <summary>Statuses separated by commas or spaces.</summary>
    public string Statuses { get => _statuses; set => _statuses = value ?? ""; }

    /// <summary>Path patterns, one a line.</summary>
    public string Paths { get => _paths; set => _paths = value ?? ""; }

    /// <summary>What is wrong with <see cref="Statuses"/> before the store could say, or null.</summary>
    public string? StatusesProblem => StatusTokens().FirstOrDefault(t => !int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out _)) is { } bad
        ? $"'{bad}' is not a status; write numbers such as 401, 403."
        : null;

    public override BanRuleSpec ToSpec() => Spec with
    {
        Statuses = StatusTokens().Select(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : 0).ToArray(),
        Paths = _paths.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
    };

    private string[] StatusTokens() => _statuses.Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
