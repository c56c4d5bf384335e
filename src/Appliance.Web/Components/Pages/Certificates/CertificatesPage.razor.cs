using Appliance.Data.Model;
using Appliance.Web.Components.Shared;
using MudBlazor;

namespace Appliance.Web.Components.Pages.Certificates;

/// <summary>The certificates with renewal, replacement and deletion, and the forms that add one.</summary>
public partial class CertificatesPage
{
    private IReadOnlyList<CertificateInfo> _certificates = [];
    private string? _error;

    // The uploaded certificate whose Replace was pressed: the upload form replaces it until saved or cancelled.
    private CertificateInfo? _replacing;

    protected override async Task OnInitializedAsync()
    {
        await base.OnInitializedAsync();
        _certificates = await Certificates.ListAsync();
    }

    private async Task OnSavedAsync(CertificateInfo saved)
    {
        var verb = _replacing is not null ? "replaced: served from the next handshake" : saved.Status == CertificateStatus.Pending ? "requested" : "saved";
        Snackbar.Add($"Certificate '{saved.Name}' {verb}.", Severity.Success);
        _replacing = null;
        _certificates = await Certificates.ListAsync();
    }

    private void StartReplacing(CertificateInfo certificate) => _replacing = certificate;

    private async Task RenewAsync(CertificateInfo certificate)
    {
        if (await EditorAsync() is not { } actor)
        {
            return;
        }

        var result = await Certificates.RenewNowAsync(certificate.Name, actor);
        _error = result.Succeeded ? null : result.Detail;
        if (result.Succeeded)
        {
            Snackbar.Add($"Renewal of '{certificate.Name}' started.", Severity.Info);
        }

        _certificates = await Certificates.ListAsync();
    }

    private async Task DeleteAsync(CertificateInfo certificate)
    {
        // Asked after the confirmation: the user may have been demoted or signed out while it was open.
        if (!await Dialogs.ConfirmAsync("Delete certificate", $"Delete '{certificate.Name}'? Clients asking for its names get the next match or the fallback.", "Delete")
            || await EditorAsync() is not { } actor)
        {
            return;
        }

        var result = await Certificates.DeleteAsync(certificate.Name, actor);
        _error = result.Succeeded ? null : result.Detail;
        _certificates = await Certificates.ListAsync();
    }
}
