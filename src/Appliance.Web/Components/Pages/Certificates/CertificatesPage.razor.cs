using Appliance.Data.Certificates;
using Appliance.Data.Model;
using Appliance.Engine.Tls.Acme;
using Appliance.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Appliance.Web.Components.Pages.Certificates;

/// <summary>The certificates with renewal and deletion, and the forms that add one.</summary>
public partial class CertificatesPage
{
    private IReadOnlyList<CertificateInfo> _certificates = [];
    private bool _canEdit;
    private string _actor = "";
    private string? _error;

    [Inject]
    private CertificateStore Certificates { get; set; } = default!;

    [Inject]
    private AcmeOptions Acme { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        _canEdit = AdminUser.CanEdit(user);
        _actor = AdminUser.ActorOf(user);
        _certificates = await Certificates.ListAsync();
    }

    private async Task OnSavedAsync(CertificateInfo saved)
    {
        Snackbar.Add($"Certificate '{saved.Name}' {(saved.Status == CertificateStatus.Pending ? "requested" : "saved")}.", Severity.Success);
        _certificates = await Certificates.ListAsync();
    }

    private async Task RenewAsync(CertificateInfo certificate)
    {
        if (!_canEdit)
        {
            return;
        }

        var result = await Certificates.RenewNowAsync(certificate.Name, _actor);
        _error = result.Succeeded ? null : result.Detail;
        if (result.Succeeded)
        {
            Snackbar.Add($"Renewal of '{certificate.Name}' started.", Severity.Info);
        }

        _certificates = await Certificates.ListAsync();
    }

    private async Task DeleteAsync(CertificateInfo certificate)
    {
        if (!_canEdit)
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete certificate", $"Delete '{certificate.Name}'? Clients asking for its names get the next match or the fallback.", yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var result = await Certificates.DeleteAsync(certificate.Name, _actor);
        _error = result.Succeeded ? null : result.Detail;
        _certificates = await Certificates.ListAsync();
    }
}
