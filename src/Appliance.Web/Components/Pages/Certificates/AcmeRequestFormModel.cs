using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Certificates;

/// <summary>The ACME request form's state: a new request with the API's defaults; see <see cref="FormModel{TSpec}"/>.</summary>
public sealed class AcmeRequestFormModel : FormModel<AcmeCertificateRequest>
{
    public string Name { get => Spec.Name; set => Spec = Spec with { Name = value }; }

    /// <summary>The host names as typed, separated by commas, spaces or semicolons.</summary>
    public string? Hostnames { get; set; }

    /// <inheritdoc />
    public override AcmeCertificateRequest ToSpec() =>
        Spec with { Hostnames = (Hostnames ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
}
