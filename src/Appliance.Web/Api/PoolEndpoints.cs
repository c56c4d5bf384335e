using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Appliance.Web.Api;

/// <summary><c>/api/v1/pools</c>: pools of backends.</summary>
internal static class PoolEndpoints
{
    public static RouteGroupBuilder MapPoolEndpoints(this RouteGroupBuilder api)
    {
        var pools = api.MapGroup("/pools").WithTags("Pools");

        pools.MapGet("/", async (ConfigStore store, CancellationToken ct) => Results.Ok(await store.GetPoolsAsync(ct)))
            .Produces<IReadOnlyList<PoolSpec>>();

        pools.MapGet("/{name}", async (string name, ConfigStore store, CancellationToken ct) =>
                await store.GetPoolAsync(name, ct) is { } pool
                    ? Results.Ok(pool)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"There is no pool named '{name}'."))
            .Produces<PoolSpec>().ProducesProblem(StatusCodes.Status404NotFound);

        pools.MapPost("/", async (HttpRequest request, ConfigStore store, CancellationToken ct) =>
            {
                var (spec, error) = await ApiJson.ReadAsync<PoolSpec>(request);
                if (error is not null)
                {
                    return error;
                }

                var result = await store.CreatePoolAsync(spec!, Actor.Of(request.HttpContext), ct);
                return ApiProblems.From(result, pool => Results.Created($"/api/v1/pools/{pool.Name}", pool));
            })
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Accepts<PoolSpec>("application/json")
            .Produces<PoolSpec>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status409Conflict);

        pools.MapPut("/{name}", async (string name, HttpRequest request, ConfigStore store, CancellationToken ct) =>
            {
                var (spec, error) = await ApiJson.ReadAsync<PoolSpec>(request);
                if (error is not null)
                {
                    return error;
                }

                var result = await store.UpdatePoolAsync(name, spec!, Actor.Of(request.HttpContext), ct);
                return ApiProblems.From(result, pool => Results.Ok(pool));
            })
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Accepts<PoolSpec>("application/json")
            .Produces<PoolSpec>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        pools.MapDelete("/{name}", async (string name, HttpContext context, ConfigStore store, CancellationToken ct) =>
                ApiProblems.From(await store.DeletePoolAsync(name, Actor.Of(context), ct), _ => Results.NoContent()))
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem(StatusCodes.Status409Conflict);

        return api;
    }
}
