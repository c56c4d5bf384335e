using Appliance.Data.Entities;

namespace Appliance.Web.Components.Pages.Audit;

/// <summary>The latest changes, who made them and what they changed, narrowed by the filters.</summary>
public partial class AuditPage
{
    private const int Shown = 1000;

    private IReadOnlyList<AuditEntry> _entries = [];
    private IReadOnlyList<string> _types = [];
    private AuditFilter _filter = new();
    private bool _loading = true;

    protected override async Task OnInitializedAsync()
    {
        _entries = await Audit.GetLatestAsync(Shown);
        _types = _entries.Select(e => e.EntityType).Distinct().Order().ToArray();
        _loading = false;
    }
}
