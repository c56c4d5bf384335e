using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Appliance.Web.Components.Pages.Streams;

/// <summary>Creates or edits one stream through the ConfigStore.</summary>
public partial class StreamForm
{
    private StreamFormModel _model = new();
    private readonly FormSubmission _submission = new();

    [Inject]
    private ConfigStore Store { get; set; } = default!;

    /// <summary>The stream to edit, as stored; null creates a new one.</summary>
    [Parameter]
    public StreamSpec? Stream { get; set; }

    /// <summary>The pools a stream may use, by name.</summary>
    [Parameter]
    public IReadOnlyList<string> Pools { get; set; } = [];

    /// <summary>The access lists a stream may use, by name.</summary>
    [Parameter]
    public IReadOnlyList<string> AccessLists { get; set; } = [];

    /// <summary>Called with the saved stream once the store has accepted it.</summary>
    [Parameter]
    public EventCallback<StreamSpec> Saved { get; set; }

    [Parameter]
    public EventCallback Cancelled { get; set; }

    private bool IsEdit => Stream is not null;

    private FieldMessages Messages => _submission.Messages;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        _model = Stream is null ? new() : new(Stream);

        // A new stream starts on the first pool: there is always one to pick, and one is required.
        if (Stream is null && Pools.Count > 0)
        {
            _model.Pool = Pools[0];
        }
    }

    private async Task SaveAsync()
    {
        if (await EditorAsync() is not { } actor)
        {
            return;
        }

        var spec = _model.ToSpec();
        var saved = await _submission.SaveAsync(() => Stream is null
            ? Store.Streams.CreateAsync(spec, actor)
            : Store.Streams.UpdateAsync(Stream.Name, spec, actor));
        if (saved is not null)
        {
            await Saved.InvokeAsync(saved);
        }
    }
}
