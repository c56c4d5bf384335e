using Appliance.Data.Model;

namespace Appliance.Web.Components.Pages.Pools;

/// <summary>One editable row of the backends grid, applied onto the backend as stored.</summary>
public sealed class BackendFormRow
{
    private BackendSpec _stored = new();

    public string Address { get; set; } = "";
    public int Weight { get; set; } = 1;
    public bool Enabled { get; set; } = true;

    public static BackendFormRow From(BackendSpec backend) => new() { _stored = backend, Address = backend.Address, Weight = backend.Weight, Enabled = backend.Enabled };

    public BackendSpec ToSpec() => _stored with { Address = Address, Weight = Weight, Enabled = Enabled };
}
