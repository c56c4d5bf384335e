using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Web.Auth;

namespace Appliance.Web.Api;

/// <summary><c>/api/v1/config</c>: the whole configuration, exported and imported as one document.</summary>
internal static class ConfigEndpoints
{
    public static RouteGroupBuilder MapConfigEndpoints(this RouteGroupBuilder api)
    {
        var config = api.MapGroup("/config").WithTags("Configuration");

        config.MapGet("/", async (ConfigStore store, CancellationToken ct) => Results.Ok(await store.ExportAsync(ct)))
            .Produces<ConfigDocument>();

        config.MapPut("/", async (HttpRequest request, ConfigStore store, CancellationToken ct) =>
            {
                var (document, error) = await ApiJson.ReadAsync<ConfigDocument>(request);
                if (error is not null)
                {
                    return error;
                }

                var result = await store.ImportAsync(document!, Actor.Of(request.HttpContext), ct);
                return ApiProblems.From(result, imported => Results.Ok(imported));
            })
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Accepts<ConfigDocument>("application/json")
            .Produces<ConfigDocument>()
            .ProducesValidationProblem();

        return api;
    }
}
