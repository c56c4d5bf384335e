using Appliance.Engine.Health;

namespace Appliance.Web.Api;

/// <summary><c>/api/v1/health</c>: pools and backends with their health and traffic.</summary>
internal static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealthEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/health", (HealthReader reader) => Results.Ok(reader.Read()))
            .WithTags("Health")
            .Produces<HealthReport>();
        return api;
    }
}
