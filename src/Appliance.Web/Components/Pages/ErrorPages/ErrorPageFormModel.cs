using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.ErrorPages;

/// <summary>
/// The error page form's editable state: the page it was opened with, or a new one, changed only in
/// the fields the form shows; see <see cref="FormModel{TSpec}"/>.
/// </summary>
public sealed class ErrorPageFormModel : FormModel<ErrorPageSpec>
{
    /// <summary>A page to start from: every placeholder used, so the preview shows what each becomes.</summary>
    public const string StarterHtml =
        "<!doctype html>\n<html>\n<head><meta charset=\"utf-8\"><title>{status} {reason}</title></head>\n"
        + "<body>\n<h1>{status} {reason}</h1>\n<p>Please try again in a moment.</p>\n<p><small>Request id: {request_id}</small></p>\n</body>\n</html>";

    /// <summary>A new page: the API's defaults (status 503, every route) and the starter HTML, which the API requires.</summary>
    public ErrorPageFormModel()
        : base(new ErrorPageSpec { Html = StarterHtml })
    {
    }

    /// <summary>A form for <paramref name="page"/> as stored.</summary>
    public ErrorPageFormModel(ErrorPageSpec page)
        : base(page)
    {
    }

    public string Name { get => Spec.Name; set => Spec = Spec with { Name = value }; }

    public int Status { get => Spec.Status; set => Spec = Spec with { Status = value }; }

    /// <summary>Empty: every route, and requests no route takes.</summary>
    public string? Route { get => Spec.Route; set => Spec = Spec with { Route = value }; }

    public string Html { get => Spec.Html; set => Spec = Spec with { Html = value ?? "" }; }
}
