using System.Text;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.ErrorPages;

/// <summary>A custom error page: a status the appliance answers with itself, a route that exists, and bounded HTML.</summary>
internal sealed class ErrorPageValidator : IConfigValidator<ErrorPageSpec>
{
    public void Validate(ErrorPageSpec page, ConfigValidationContext context, ValidationErrors errors)
    {
        NameRule.Check(page.Name, errors);
        if (!ErrorPageSpec.Statuses.Contains(page.Status))
        {
            errors.Add("status", $"The status must be one the appliance answers with itself: {string.Join(", ", ErrorPageSpec.Statuses)}.");
        }
        else if (page.Status == 404 && page.Route is not null)
        {
            // The appliance's own 404 is for requests no route took: a route's 404 page would never show.
            errors.Add("status", "The appliance answers 404 only for requests no route takes; make the 404 page global (no route).");
        }

        if (page.Route is not null && context.IsMissing<RouteSpec>(page.Route))
        {
            errors.Add("route", $"There is no route named '{page.Route}'; leave it empty for every route.");
        }

        if (string.IsNullOrWhiteSpace(page.Html))
        {
            errors.Add("html", "The page's HTML is required.");
        }
        else if (Encoding.UTF8.GetByteCount(page.Html) > ErrorPageSpec.MaxHtmlBytes)
        {
            errors.Add("html", $"The page is at most {ErrorPageSpec.MaxHtmlBytes / 1024} KiB of UTF-8.");
        }
    }
}
