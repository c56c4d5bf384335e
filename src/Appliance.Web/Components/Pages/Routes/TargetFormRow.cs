using Appliance.Data.Model;

namespace Appliance.Web.Components.Pages.Routes;

/// <summary>One editable target of a route: a pool and its weight.</summary>
public sealed class TargetFormRow
{
    public string Pool { get; set; } = "";
    public int Weight { get; set; } = 100;

    public static TargetFormRow From(TargetSpec target) => new() { Pool = target.Pool, Weight = target.Weight };

    public TargetSpec ToSpec() => new() { Pool = Pool, Weight = Weight };
}
