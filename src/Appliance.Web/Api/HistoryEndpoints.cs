using Appliance.Data.History;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Web.Auth;
using Microsoft.Net.Http.Headers;

namespace Appliance.Web.Api;

/// <summary>
/// <c>/api/v1/config/revisions</c>: the kept revisions, each one's document, what changed between
/// two, and a restore (Admin), which is an audited import through the one write path.
/// </summary>
internal static class HistoryEndpoints
{
    public static RouteGroupBuilder MapHistoryEndpoints(this RouteGroupBuilder api)
    {
        var revisions = api.MapGroup("/config/revisions").WithTags("Configuration history");

        revisions.MapGet("/", async (int? take, long? before, HttpResponse response, ConfigHistory history, ConfigStore store, CancellationToken ct) =>
            {
                if (take is < 1 or > ConfigHistory.MaxTake)
                {
                    return ApiProblems.Invalid("take", $"take must be between 1 and {ConfigHistory.MaxTake}.");
                }

                if (before is < 1)
                {
                    return ApiProblems.Invalid("before", "before must be a revision number, 1 or more.");
                }

                // The current revision as the ETag: what a restore's If-Match names to say "if nothing changed since".
                response.Headers[HeaderNames.ETag] = RevisionPrecondition.ETagOf(await store.GetRevisionAsync(ct));
                return Results.Ok(await history.ListAsync(take ?? ConfigHistory.DefaultTake, before, ct));
            })
            .Produces<RevisionInfo[]>()
            .ProducesValidationProblem();

        revisions.MapGet("/{number:long}", async (long number, ConfigHistory history, CancellationToken ct) =>
                ApiProblems.From(await history.GetAsync(number, ct), document => Results.Ok(document)))
            .Produces<ConfigDocument>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        revisions.MapGet("/{from:long}/diff/{to:long}", async (long from, long to, ConfigHistory history, CancellationToken ct) =>
                ApiProblems.From(await history.DiffAsync(from, to, ct), diff => Results.Ok(diff)))
            .Produces<ConfigDiff>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        revisions.MapPost("/{number:long}/restore", async (long number, long? expectedRevision, HttpRequest request, ConfigHistory history, CancellationToken ct) =>
            {
                var (expected, error) = RevisionPrecondition.Read(request, expectedRevision);
                if (error is not null)
                {
                    return error;
                }

                var result = await history.RestoreAsync(number, Actor.Of(request.HttpContext), expected, ct);
                return ApiProblems.From(result, document => Results.Ok(document));
            })
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Produces<ConfigDocument>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return api;
    }
}
