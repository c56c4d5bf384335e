using System.Net;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Engine.Security.Shield;
using Appliance.Web.Auth;

namespace Appliance.Web.Api;

/// <summary><c>/api/v1/access-lists</c>, <c>/api/v1/rate-limits</c> and <c>/api/v1/security/blocked</c>: the shield in front of the routes.</summary>
internal static class ShieldEndpoints
{
    public static RouteGroupBuilder MapShieldEndpoints(this RouteGroupBuilder api)
    {
        var lists = api.MapGroup("/access-lists").WithTags("Security");
        lists.MapGet("/", async (ConfigStore store, CancellationToken ct) => Results.Ok(await store.GetAccessListsAsync(ct)))
            .Produces<IReadOnlyList<AccessListSpec>>();
        lists.MapPost("/", (HttpRequest request, ConfigStore store, CancellationToken ct) =>
                SaveAsync<AccessListSpec>(request, name: null, async (spec, actor) =>
                    (await store.GetAccessListsAsync(ct)).Any(l => l.Name == spec.Name?.Trim())
                        ? StoreResult<AccessListSpec>.Conflict("name", $"An access list named '{spec.Name}' already exists.")
                        : await store.SaveAccessListAsync(spec, actor, ct), l => $"/api/v1/access-lists/{l.Name}"))
            .RequireAuthorization(ApiTokenDefaults.WritePolicy).Accepts<AccessListSpec>("application/json")
            .Produces<AccessListSpec>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status409Conflict);
        lists.MapPut("/{name}", (string name, HttpRequest request, ConfigStore store, CancellationToken ct) =>
                SaveAsync<AccessListSpec>(request, name, async (spec, actor) =>
                    (await store.GetAccessListsAsync(ct)).Any(l => l.Name == name)
                        ? await store.SaveAccessListAsync(spec with { Name = name }, actor, ct)
                        : StoreResult<AccessListSpec>.NotFound($"There is no access list named '{name}'."), l => $"/api/v1/access-lists/{l.Name}"))
            .RequireAuthorization(ApiTokenDefaults.WritePolicy).Accepts<AccessListSpec>("application/json")
            .Produces<AccessListSpec>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        lists.MapDelete("/{name}", async (string name, HttpContext context, ConfigStore store, CancellationToken ct) =>
                ApiProblems.From(await store.DeleteAccessListAsync(name, Actor.Of(context), ct), _ => Results.NoContent()))
            .RequireAuthorization(ApiTokenDefaults.WritePolicy).Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem(StatusCodes.Status409Conflict);

        // "Which rule matches this address?" — the same compiled list the data plane uses.
        lists.MapGet("/{name}/match", async (string name, string? ip, ConfigStore store, CancellationToken ct) =>
            {
                if (!IPAddress.TryParse(ip, out var address))
                {
                    return ApiProblems.Invalid("ip", $"'{ip}' is not an IPv4 or IPv6 address.");
                }

                if ((await store.GetAccessListsAsync(ct)).FirstOrDefault(l => l.Name == name) is not { } list)
                {
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"There is no access list named '{name}'.");
                }

                var (allowed, rule) = new CompiledAccessList(list).Decide(address);
                return Results.Ok(new
                {
                    ip = address.ToString(),
                    action = allowed ? AccessActions.Allow : AccessActions.Deny,
                    rule = rule < 0 ? null : (int?)rule,
                    matched = rule < 0 ? null : list.Rules[rule],
                    byDefault = rule < 0,
                });
            });

        var limits = api.MapGroup("/rate-limits").WithTags("Security");
        limits.MapGet("/", async (ConfigStore store, CancellationToken ct) => Results.Ok(await store.GetRateLimitsAsync(ct)))
            .Produces<IReadOnlyList<RateLimitSpec>>();
        limits.MapPost("/", (HttpRequest request, ConfigStore store, CancellationToken ct) =>
                SaveAsync<RateLimitSpec>(request, name: null, async (spec, actor) =>
                    (await store.GetRateLimitsAsync(ct)).Any(l => l.Name == spec.Name?.Trim())
                        ? StoreResult<RateLimitSpec>.Conflict("name", $"A rate limit named '{spec.Name}' already exists.")
                        : await store.SaveRateLimitAsync(spec, actor, ct), l => $"/api/v1/rate-limits/{l.Name}"))
            .RequireAuthorization(ApiTokenDefaults.WritePolicy).Accepts<RateLimitSpec>("application/json")
            .Produces<RateLimitSpec>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status409Conflict);
        limits.MapPut("/{name}", (string name, HttpRequest request, ConfigStore store, CancellationToken ct) =>
                SaveAsync<RateLimitSpec>(request, name, async (spec, actor) =>
                    (await store.GetRateLimitsAsync(ct)).Any(l => l.Name == name)
                        ? await store.SaveRateLimitAsync(spec with { Name = name }, actor, ct)
                        : StoreResult<RateLimitSpec>.NotFound($"There is no rate limit named '{name}'."), l => $"/api/v1/rate-limits/{l.Name}"))
            .RequireAuthorization(ApiTokenDefaults.WritePolicy).Accepts<RateLimitSpec>("application/json")
            .Produces<RateLimitSpec>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        limits.MapDelete("/{name}", async (string name, HttpContext context, ConfigStore store, CancellationToken ct) =>
                ApiProblems.From(await store.DeleteRateLimitAsync(name, Actor.Of(context), ct), _ => Results.NoContent()))
            .RequireAuthorization(ApiTokenDefaults.WritePolicy).Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem(StatusCodes.Status409Conflict);

        api.MapGet("/security/blocked", (ShieldLog log) => Results.Ok(new
            {
                counts = log.Counts().Select(c => new { reason = c.Reason, route = c.Route, count = c.Count }),
                latest = log.Latest(100),
            }))
            .WithTags("Security");
        return api;
    }

    private static async Task<IResult> SaveAsync<T>(HttpRequest request, string? name, Func<T, string, Task<StoreResult<T>>> save, Func<T, string> location)
        where T : class
    {
        var (spec, error) = await ApiJson.ReadAsync<T>(request);
        if (error is not null)
        {
            return error;
        }

        var result = await save(spec!, Actor.Of(request.HttpContext));
        return ApiProblems.From(result, saved => name is null ? Results.Created(location(saved), saved) : Results.Ok(saved));
    }
}
