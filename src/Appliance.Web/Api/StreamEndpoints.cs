namespace Appliance.Web.Api;

/// <summary><c>/api/v1/streams</c>: raw TCP proxied to pools, from ports of their own or by SNI from the HTTPS port.</summary>
internal static class StreamEndpoints
{
    public static RouteGroupBuilder MapStreamEndpoints(this RouteGroupBuilder api)
    {
        api.MapConfigObjects(new ConfigObjectApi { Path = "/streams", Tag = "Streams", ReadOne = true }, store => store.Streams);
        return api;
    }
}
