using Appliance.Data.Model;

namespace Appliance.Web.Components.Pages.Pools;

/// <summary>One editable row of the backends grid.</summary>
public sealed class BackendFormRow
{
    public string Address { get; set; } = "";
    public int Weight { get; set; } = 1;
    public bool Enabled { get; set; } = true;

    public static BackendFormRow From(BackendSpec backend) => new() { Address = backend.Address, Weight = backend.Weight, Enabled = backend.Enabled };

    public BackendSpec ToSpec() => new() { Address = Address, Weight = Weight, Enabled = Enabled };
}
