using Appliance.Engine.Caching;
using Appliance.Web.Auth;

namespace Appliance.Web.Api;

/// <summary><c>/api/v1/cache-rules</c> (what may be cached) and <c>/api/v1/cache</c> (purge and statistics).</summary>
internal static class CacheEndpoints
{
    public static RouteGroupBuilder MapCacheEndpoints(this RouteGroupBuilder api)
    {
        api.MapConfigObjects(new ConfigObjectApi { Path = "/cache-rules", Tag = "Cache" }, store => store.CacheRules);

        var cache = api.MapGroup("/cache").WithTags("Cache");

        cache.MapGet("/stats", (ResponseCache store) => Results.Ok(store.Statistics()))
            .Produces<CacheStatistics>();

        // Per tier, per rule, and the top objects by hits and by size: what the Cache page shows.
        cache.MapGet("/overview", (ResponseCache store) => Results.Ok(Appliance.Engine.Caching.Visibility.CacheOverview.Of(store)))
            .Produces<Appliance.Engine.Caching.Visibility.CacheOverview>();

        cache.MapPost("/purge", async (HttpRequest request, CachePurger purger, CancellationToken cancellationToken) =>
            {
                var (purge, error) = await ApiJson.ReadAsync<CachePurgeRequest>(request);
                if (error is not null)
                {
                    return error;
                }

                var asked = (purge!.Url is not null ? 1 : 0) + (purge.Prefix is not null ? 1 : 0) + (purge.All ? 1 : 0);
                if (asked != 1)
                {
                    return ApiProblems.Invalid("url", "Give exactly one of url, prefix or all: true.");
                }

                var order = purge.ToOrder();
                if (order is null)
                {
                    return ApiProblems.Invalid(purge.Url is not null ? "url" : "prefix", "Give an absolute http:// or https:// URL, e.g. https://shop.example.com/static/.");
                }

                // This node's count; every other node applies the same order within a couple of seconds.
                return Results.Ok(new { purged = await purger.PurgeAsync(order, Actor.Of(request.HttpContext), cancellationToken) });
            })
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Accepts<CachePurgeRequest>("application/json")
            .ProducesValidationProblem();

        return api;
    }
}
