using Appliance.Data.Model;
using Appliance.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Appliance.Web.Components.Pages.Routes;

/// <summary>Creates or edits one route through the ConfigStore.</summary>
public partial class RouteForm
{
    private RouteFormModel _model = new();
    private IReadOnlyList<string> _pools = [];
    private IReadOnlySet<string> _emptyPools = new HashSet<string>();
    private IReadOnlyList<string> _certificates = [];
    private IReadOnlyList<string> _accessLists = [];
    private IReadOnlyList<string> _rateLimits = [];
    private readonly FormSubmission _submission = new();

    /// <summary>The route to edit, as stored; null creates a new one.</summary>
    [Parameter]
    public RouteSpec? Route { get; set; }

    /// <summary>Called with the saved route once the store has accepted it.</summary>
    [Parameter]
    public EventCallback<RouteSpec> Saved { get; set; }

    [Parameter]
    public EventCallback Cancelled { get; set; }

    private bool IsEdit => Route is not null;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        var pools = await Store.Pools.ListAsync();
        _pools = pools.Select(p => p.Name).ToArray();
        _emptyPools = pools.Where(p => !p.Backends.Any(b => b.Enabled)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        _accessLists = (await Store.AccessLists.ListAsync()).Where(l => !l.Global).Select(l => l.Name).ToArray();
        _rateLimits = (await Store.RateLimits.ListAsync()).Where(l => !l.Global).Select(l => l.Name).ToArray();

        // Automatic certificates belong to their routes; a route names only the others.
        _certificates = (await Certificates.ListAsync())
            .Select(c => c.Name)
            .Where(name => !name.StartsWith(TlsModes.AutoCertificatePrefix, StringComparison.Ordinal))
            .ToArray();
        _model = Route is null ? new() : new(Route);
        // A pool with no enabled backend would make the new route answer 503: the first target
        // starts on the first pool that has one, or on none when no pool has.
        if (Route is null && _pools.Count > 0)
        {
            _model.AddTarget(_pools.Where(p => !_emptyPools.Contains(p)).ToArray());
        }
    }

    private async Task SaveAsync()
    {
        if (await EditorAsync() is not { } actor)
        {
            return;
        }

        // A host or method typed but not yet turned into a chip is what the operator meant to add.
        _model.AddTypedHosts();
        _model.AddTypedMethod();
        if (_model.TwiceSetHeader() is var (field, message))
        {
            _submission.Refuse(field, message);
            return;
        }

        var spec = _model.ToSpec();
        var saved = await _submission.SaveAsync(() => Route is null
            ? Store.Routes.CreateAsync(spec, actor)
            : Store.Routes.UpdateAsync(Route.Name, spec, actor));
        if (saved is not null)
        {
            await Saved.InvokeAsync(saved);
        }
    }
}
