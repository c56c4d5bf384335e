namespace Appliance.Web.Api;

/// <summary><c>/api/v1/error-pages</c>: the appliance's own error pages, dressed by the operator, globally or per route.</summary>
internal static class ErrorPageEndpoints
{
    public static RouteGroupBuilder MapErrorPageEndpoints(this RouteGroupBuilder api)
    {
        api.MapConfigObjects(new ConfigObjectApi { Path = "/error-pages", Tag = "Error pages", ReadOne = true }, store => store.ErrorPages);
        return api;
    }
}
