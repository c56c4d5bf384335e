using Appliance.Engine.Warnings;

namespace Appliance.Web.Api;

/// <summary><c>/api/v1/warnings</c>: setups that cannot work as configured (see <see cref="SetupWarningKinds"/>); Viewers may read them.</summary>
internal static class WarningEndpoints
{
    public static RouteGroupBuilder MapWarningEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/warnings", async (SetupWarningReader reader, CancellationToken ct) => Results.Ok(await reader.ReadAsync(ct)))
            .WithTags("Health")
            .Produces<SetupWarning[]>();
        return api;
    }
}
