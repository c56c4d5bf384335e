using Appliance.Data.Entities;
using Appliance.Data.Model;

namespace Appliance.Data.ConfigKinds.ErrorPages;

internal sealed class ErrorPageMapper : IConfigMapper<ErrorPageSpec, ErrorPageEntity>
{
    public ErrorPageSpec ToSpec(ErrorPageEntity page) => new()
    {
        Name = page.Name,
        Status = page.Status,
        Route = page.Route,
        Html = page.Html,
    };

    public void Apply(ErrorPageSpec spec, ErrorPageEntity page, ApplianceDbContext db)
    {
        page.Name = spec.Name;
        page.Status = spec.Status;
        page.Route = spec.Route;
        page.Html = spec.Html;
    }
}
