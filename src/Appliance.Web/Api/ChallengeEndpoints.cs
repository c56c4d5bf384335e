using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Web.Auth;

namespace Appliance.Web.Api;

/// <summary>
/// <c>/api/v1/security/challenge</c>: the installation-wide side of the proof-of-work challenge,
/// the under-attack switch and who never gets asked. One object, read and replaced whole.
/// </summary>
internal static class ChallengeEndpoints
{
    public static RouteGroupBuilder MapChallengeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/security/challenge", async (ConfigStore store, CancellationToken ct) => Results.Ok(await store.ChallengeSettings.GetAsync(ct)))
            .WithTags("Security")
            .Produces<ChallengeSettingsSpec>();

        api.MapPut("/security/challenge", async (HttpRequest request, ConfigStore store, CancellationToken ct) =>
            {
                var (spec, error) = await ApiJson.ReadAsync<ChallengeSettingsSpec>(request);
                if (error is not null)
                {
                    return error;
                }

                return ApiProblems.From(await store.ChallengeSettings.UpdateAsync(spec!, Actor.Of(request.HttpContext), ct), saved => Results.Ok(saved));
            })
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .WithTags("Security")
            .Accepts<ChallengeSettingsSpec>("application/json")
            .Produces<ChallengeSettingsSpec>()
            .ProducesValidationProblem();
        return api;
    }
}
