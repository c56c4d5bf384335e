using Appliance.Data.Store;
using Appliance.Web.Auth;

namespace Appliance.Web.Api;

/// <summary>
/// The endpoints every kind of configuration object has: list, create (201 with Location, 409 for
/// a taken name), replace (404 for an unknown name), delete (204). The store answers every
/// refusal; this only reads bodies and turns store results into HTTP.
/// </summary>
internal static class ConfigObjectEndpoints
{
    public static RouteGroupBuilder MapConfigObjects<TSpec>(this RouteGroupBuilder api, ConfigObjectApi shape, Func<ConfigStore, ConfigObjects<TSpec>> select)
        where TSpec : class
    {
        var group = api.MapGroup(shape.Path).WithTags(shape.Tag);
        var location = $"/api/v1{shape.Path}/";

        group.MapGet("/", async (ConfigStore store, CancellationToken ct) => Results.Ok(await select(store).ListAsync(ct)))
            .Produces<IReadOnlyList<TSpec>>();

        if (shape.ReadOne)
        {
            group.MapGet("/{name}", async (string name, ConfigStore store, CancellationToken ct) =>
                    await select(store).GetAsync(name, ct) is { } spec
                        ? Results.Ok(spec)
                        : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"There is no {select(store).Noun} named '{name}'."))
                .Produces<TSpec>().ProducesProblem(StatusCodes.Status404NotFound);
        }

        group.MapPost("/", async (HttpRequest request, ConfigStore store, CancellationToken ct) =>
            {
                var (spec, error) = await ApiJson.ReadAsync<TSpec>(request);
                if (error is not null)
                {
                    return error;
                }

                var objects = select(store);
                var result = await objects.CreateAsync(spec!, Actor.Of(request.HttpContext), ct);
                return ApiProblems.From(result, created => Results.Created(location + objects.NameOf(created), created));
            })
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Accepts<TSpec>("application/json")
            .Produces<TSpec>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status409Conflict);

        group.MapPut("/{name}", async (string name, HttpRequest request, ConfigStore store, CancellationToken ct) =>
            {
                var (spec, error) = await ApiJson.ReadAsync<TSpec>(request);
                if (error is not null)
                {
                    return error;
                }

                var objects = select(store);
                var replacement = shape.NameFromUrl ? objects.WithName(spec!, name) : spec!;
                return ApiProblems.From(await objects.UpdateAsync(name, replacement, Actor.Of(request.HttpContext), ct), saved => Results.Ok(saved));
            })
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Accepts<TSpec>("application/json")
            .Produces<TSpec>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        var delete = group.MapDelete("/{name}", async (string name, HttpContext context, ConfigStore store, CancellationToken ct) =>
                ApiProblems.From(await select(store).DeleteAsync(name, Actor.Of(context), ct), _ => Results.NoContent()))
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        if (shape.DeleteMayConflict)
        {
            delete.ProducesValidationProblem(StatusCodes.Status409Conflict);
        }

        return group;
    }
}
