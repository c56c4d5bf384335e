using Appliance.Engine.Cluster;
using Appliance.Web.Auth;

namespace Appliance.Web.Api;

/// <summary>
/// <c>/api/v1/nodes</c>: the nodes sharing this database, up or down and behind or not, each with
/// its backends' health and cache figures; <c>/api/v1/cache/stats/nodes</c>: the cache per live node and in total.
/// </summary>
internal static class NodeEndpoints
{
    public static RouteGroupBuilder MapNodeEndpoints(this RouteGroupBuilder api)
    {
        var nodes = api.MapGroup("/nodes").WithTags("Nodes");

        nodes.MapGet("/", async (string? status, NodeDirectory directory, CancellationToken ct) =>
            {
                NodeState? only = null;
                if (status is not null)
                {
                    if (!status.All(char.IsAsciiLetter) || !Enum.TryParse<NodeState>(status, ignoreCase: true, out var parsed))
                    {
                        return ApiProblems.Invalid("status", "Give status=up or status=down, or leave it out for every node.");
                    }

                    only = parsed;
                }

                var view = await directory.ReadAsync(ct);
                return Results.Ok(view.Nodes.Where(n => only is null || n.Status == only));
            })
            .Produces<IReadOnlyList<NodeStatus>>()
            .ProducesValidationProblem();

        // A live node would write its row again at its next heartbeat: only a departed one can be forgotten.
        nodes.MapDelete("/{name}", async (string name, HttpContext context, NodeForgetter forgetter, CancellationToken ct) =>
                ApiProblems.From(await forgetter.ForgetAsync(name, Actor.Of(context), ct), _ => Results.NoContent()))
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status409Conflict);

        api.MapGet("/cache/stats/nodes", async (NodeDirectory directory, CancellationToken ct) => Results.Ok(ClusterCache.Of(await directory.ReadAsync(ct))))
            .WithTags("Cache")
            .Produces<ClusterCache>();

        return api;
    }
}
