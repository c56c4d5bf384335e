using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Certificates;

/// <summary>The upload form's state: a new upload with the API's defaults; see <see cref="FormModel{TSpec}"/>.</summary>
public sealed class CertificateUploadFormModel : FormModel<CertificateUpload>
{
    public string Name { get => Spec.Name; set => Spec = Spec with { Name = value }; }

    public string? Pem { get => Spec.Pem; set => Spec = Spec with { Pem = value }; }

    public string? Key { get => Spec.Key; set => Spec = Spec with { Key = value }; }

    /// <summary>The PFX file read from the file input, base64-encoded.</summary>
    public string? Pfx { get => Spec.Pfx; set => Spec = Spec with { Pfx = value }; }

    public string? Password { get => Spec.Password; set => Spec = Spec with { Password = value }; }
}
