using Appliance.Data.Model;
using Appliance.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Appliance.Web.Components.Pages.Certificates;

/// <summary>
/// The upload form's behaviour: picked files fill the same fields pasting does (a file of the wrong
/// kind is refused next to its field), and one button saves through the store, which answers with
/// the API's field messages.
/// </summary>
public partial class CertificateUploadForm
{
    // A chain of a leaf and a few intermediates is a few KiB; these leave room without letting a
    // stray large file travel over the circuit.
    private const long MaxPemBytes = 64 * 1024;
    private const long MaxKeyBytes = 16 * 1024;
    private const long MaxPfxBytes = 256 * 1024;

    private CertificateUploadFormModel _model = new();
    private readonly FormSubmission _submission = new();

    /// <summary>The certificate to replace in place; null to upload a new one.</summary>
    [Parameter]
    public CertificateInfo? Replacing { get; set; }

    [Parameter]
    public EventCallback<CertificateInfo> Saved { get; set; }

    /// <summary>Called when the operator gives up a replacement.</summary>
    [Parameter]
    public EventCallback Cancelled { get; set; }

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        _model = new CertificateUploadFormModel { Name = Replacing?.Name ?? "" };
    }

    private Task ChainPickedAsync(PickedFile file)
    {
        var (chain, key, error) = UploadFileContent.ReadChain(file);
        if (error is not null)
        {
            _submission.Refuse("pem", error);
            return Task.CompletedTask;
        }

        _model.Pem = chain;

        // A file holding both fills both, unless a key was already given.
        if (key is not null && string.IsNullOrWhiteSpace(_model.Key))
        {
            _model.Key = key + "\n";
        }

        _submission.Clear();
        return Task.CompletedTask;
    }

    private Task KeyPickedAsync(PickedFile file)
    {
        var (key, error) = UploadFileContent.ReadKey(file);
        Accept("key", error, () => _model.Key = key);
        return Task.CompletedTask;
    }

    private Task PfxPickedAsync(PickedFile file)
    {
        var (pfx, error) = UploadFileContent.ReadPfx(file);
        Accept("pfx", error, () => _model.Pfx = pfx);
        return Task.CompletedTask;
    }

    private void Accept(string field, string? error, Action apply)
    {
        if (error is not null)
        {
            _submission.Refuse(field, error);
            return;
        }

        apply();
        _submission.Clear();
    }

    private async Task SaveAsync()
    {
        if (await EditorAsync() is not { } actor)
        {
            return;
        }

        var upload = _model.ToSpec();
        var saved = await _submission.SaveAsync(() => Replacing is { } replacing
            ? Replacer.ReplaceAsync(replacing.Name, upload, actor)
            : Certificates.UploadAsync(upload, actor));
        if (saved is not null)
        {
            // The key leaves the page's memory as soon as the store has it.
            _model = new();
            await Saved.InvokeAsync(saved);
        }
    }
}
