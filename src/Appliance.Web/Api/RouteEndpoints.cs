namespace Appliance.Web.Api;

/// <summary><c>/api/v1/routes</c>: which requests go to which pools.</summary>
internal static class RouteEndpoints
{
    public static RouteGroupBuilder MapRouteEndpoints(this RouteGroupBuilder api)
    {
        api.MapConfigObjects(new ConfigObjectApi { Path = "/routes", Tag = "Routes", ReadOne = true, DeleteMayConflict = true }, store => store.Routes);
        return api;
    }
}
