namespace Appliance.Web.Api;

/// <summary><c>/api/v1/pools</c>: pools of backends.</summary>
internal static class PoolEndpoints
{
    public static RouteGroupBuilder MapPoolEndpoints(this RouteGroupBuilder api)
    {
        api.MapConfigObjects(new ConfigObjectApi { Path = "/pools", Tag = "Pools", ReadOne = true, DeleteMayConflict = true }, store => store.Pools);
        return api;
    }
}
