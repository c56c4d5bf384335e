using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Routes;

/// <summary>One editable target of a route: a pool and its weight, as stored or new.</summary>
public sealed class TargetFormRow : FormModel<TargetSpec>
{
    public TargetFormRow()
    {
    }

    public TargetFormRow(TargetSpec target)
        : base(target)
    {
    }

    public string Pool { get => Spec.Pool; set => Spec = Spec with { Pool = value }; }

    public int Weight { get => Spec.Weight; set => Spec = Spec with { Weight = value }; }
}
