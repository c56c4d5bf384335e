using Appliance.Data.Model;

namespace Appliance.Web.Components.Pages.Routes;

/// <summary>One editable target of a route: a pool and its weight, applied onto the target as stored.</summary>
public sealed class TargetFormRow
{
    private TargetSpec _stored = new();

    public string Pool { get; set; } = "";
    public int Weight { get; set; } = 100;

    public static TargetFormRow From(TargetSpec target) => new() { _stored = target, Pool = target.Pool, Weight = target.Weight };

    public TargetSpec ToSpec() => _stored with { Pool = Pool, Weight = Weight };
}
