using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Web.Auth;

namespace Appliance.Web.Api;

/// <summary><c>/api/v1/routes</c>: which requests go to which pools.</summary>
internal static class RouteEndpoints
{
    public static RouteGroupBuilder MapRouteEndpoints(this RouteGroupBuilder api)
    {
        var routes = api.MapGroup("/routes").WithTags("Routes");

        routes.MapGet("/", async (ConfigStore store, CancellationToken ct) => Results.Ok(await store.GetRoutesAsync(ct)))
            .Produces<IReadOnlyList<RouteSpec>>();

        routes.MapGet("/{name}", async (string name, ConfigStore store, CancellationToken ct) =>
                await store.GetRouteAsync(name, ct) is { } route
                    ? Results.Ok(route)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"There is no route named '{name}'."))
            .Produces<RouteSpec>().ProducesProblem(StatusCodes.Status404NotFound);

        routes.MapPost("/", async (HttpRequest request, ConfigStore store, CancellationToken ct) =>
            {
                var (spec, error) = await ApiJson.ReadAsync<RouteSpec>(request);
                if (error is not null)
                {
                    return error;
                }

                var result = await store.CreateRouteAsync(spec!, Actor.Of(request.HttpContext), ct);
                return ApiProblems.From(result, route => Results.Created($"/api/v1/routes/{route.Name}", route));
            })
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Accepts<RouteSpec>("application/json")
            .Produces<RouteSpec>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status409Conflict);

        routes.MapPut("/{name}", async (string name, HttpRequest request, ConfigStore store, CancellationToken ct) =>
            {
                var (spec, error) = await ApiJson.ReadAsync<RouteSpec>(request);
                if (error is not null)
                {
                    return error;
                }

                var result = await store.UpdateRouteAsync(name, spec!, Actor.Of(request.HttpContext), ct);
                return ApiProblems.From(result, route => Results.Ok(route));
            })
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Accepts<RouteSpec>("application/json")
            .Produces<RouteSpec>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        routes.MapDelete("/{name}", async (string name, HttpContext context, ConfigStore store, CancellationToken ct) =>
                ApiProblems.From(await store.DeleteRouteAsync(name, Actor.Of(context), ct), _ => Results.NoContent()))
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
