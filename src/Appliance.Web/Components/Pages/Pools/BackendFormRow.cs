using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Pools;

/// <summary>One editable row of the backends grid: a backend as stored, or a new one.</summary>
public sealed class BackendFormRow : FormModel<BackendSpec>
{
    public BackendFormRow()
    {
    }

    public BackendFormRow(BackendSpec backend)
        : base(backend)
    {
    }

    public string Address { get => Spec.Address; set => Spec = Spec with { Address = value }; }

    public int Weight { get => Spec.Weight; set => Spec = Spec with { Weight = value }; }

    public bool Enabled { get => Spec.Enabled; set => Spec = Spec with { Enabled = value }; }
}
