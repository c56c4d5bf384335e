using Appliance.Data.Bans;
using Appliance.Engine.Security.Bans;
using Appliance.Web.Auth;

namespace Appliance.Web.Api;

/// <summary>
/// <c>/api/v1/ban-rules</c> (which answers ban a client, through the one write path) and
/// <c>/api/v1/bans</c> (the bans in force on this node; an operator's ban and unban, audited).
/// </summary>
internal static class BanEndpoints
{
    public static RouteGroupBuilder MapBanEndpoints(this RouteGroupBuilder api)
    {
        api.MapConfigObjects(
            new ConfigObjectApi { Path = "/ban-rules", Tag = "Security", ReadOne = true, NameFromUrl = true }, store => store.BanRules);

        var bans = api.MapGroup("/bans").WithTags("Security");
        bans.MapGet("/", (BanService service) => Results.Ok(service.Active()))
            .Produces<IReadOnlyList<SharedBan>>();

        bans.MapPost("/", async (HttpRequest request, BanService service, CancellationToken ct) =>
            {
                var (ban, error) = await ApiJson.ReadAsync<ManualBanRequest>(request);
                if (error is not null)
                {
                    return error;
                }

                var outcome = await service.BanAsync(ban!, Actor.Of(request.HttpContext), ct);
                return outcome.Succeeded
                    ? Results.Created("/api/v1/bans/" + outcome.Ban!.Subject, outcome.Ban)
                    : ApiProblems.Invalid(outcome.Errors);
            })
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Accepts<ManualBanRequest>("application/json")
            .Produces<SharedBan>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        // A catch-all, so that an IPv6 /64 can be named as its subject is spelled ("2001:db8::/64").
        bans.MapDelete("/{**address}", async (string address, HttpContext context, BanService service, CancellationToken ct) =>
            {
                var outcome = await service.UnbanAsync(Uri.UnescapeDataString(address), Actor.Of(context), ct);
                return outcome switch
                {
                    { NotFound: true } => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"No ban is in force on '{address}'."),
                    { Succeeded: true } => Results.NoContent(),
                    _ => ApiProblems.Invalid(outcome.Errors),
                };
            })
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        return api;
    }
}
