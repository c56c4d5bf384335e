using Appliance.Engine.Security.TurnedAway;

namespace Appliance.Web.Api;

/// <summary>
/// <c>GET /api/v1/security/under-attack</c>: what this node's edge turned away (per second by reason
/// over the last 10 s, the last minute second by second), the addresses and countries turned away
/// most, and the bans in force. Viewers may read it, as every other security figure.
/// </summary>
internal static class UnderAttackEndpoints
{
    private const int MaxTop = 100;

    public static RouteGroupBuilder MapUnderAttackEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/security/under-attack", (int? top, UnderAttackReader reader) =>
                top is < 1 or > MaxTop
                    ? ApiProblems.Invalid("top", $"top must be between 1 and {MaxTop}.")
                    : Results.Ok(reader.Read(top ?? 10, top ?? 10)))
            .WithTags("Security")
            .Produces<UnderAttackReport>()
            .ProducesValidationProblem();
        return api;
    }
}
