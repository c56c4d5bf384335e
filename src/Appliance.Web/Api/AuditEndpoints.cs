using Appliance.Data.Auditing;

namespace Appliance.Web.Api;

/// <summary><c>/api/v1/audit</c>: who changed what, newest first.</summary>
internal static class AuditEndpoints
{
    public const int DefaultTake = 50;

    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (int? take, AuditLog audit, CancellationToken ct) =>
            {
                if (take is < 1 or > AuditLog.MaxTake)
                {
                    return ApiProblems.Invalid("take", $"take must be between 1 and {AuditLog.MaxTake}.");
                }

                var entries = await audit.GetLatestAsync(take ?? DefaultTake, ct);
                return Results.Ok(entries.Select(AuditEntryResponse.From).ToArray());
            })
            .WithTags("Audit")
            .Produces<AuditEntryResponse[]>()
            .ProducesValidationProblem();
        return api;
    }
}
