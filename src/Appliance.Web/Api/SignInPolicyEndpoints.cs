using Appliance.Data.TwoFactor;
using Appliance.Data.Users;
using Appliance.Web.Auth;

namespace Appliance.Web.Api;

/// <summary>
/// <c>/api/v1/settings/two-factor</c>: whether every user of the admin site must sign in with two
/// factors. Turning it on ends the sessions of the users who have none; they set it up at their next
/// sign-in. Audited; API tokens are not affected.
/// </summary>
internal static class SignInPolicyEndpoints
{
    public static RouteGroupBuilder MapSignInPolicyEndpoints(this RouteGroupBuilder api)
    {
        var setting = api.MapGroup("/settings/two-factor").WithTags("Users");

        setting.MapGet("/", async (TwoFactorAdministration twoFactor, CancellationToken ct) => Results.Ok(await twoFactor.GetRequirementAsync(ct)))
            .Produces<TwoFactorRequirement>();

        setting.MapPut("/", async (HttpRequest request, TwoFactorAdministration twoFactor, CancellationToken ct) =>
            {
                var (requirement, error) = await ApiJson.ReadAsync<TwoFactorRequirement>(request);
                if (error is not null)
                {
                    return error;
                }

                var result = await twoFactor.SetRequirementAsync(requirement!.Required, Editor.Authorized(Actor.Of(request.HttpContext)), ct);
                return ApiProblems.From(result, Results.Ok);
            })
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Accepts<TwoFactorRequirement>("application/json")
            .Produces<TwoFactorRequirement>()
            .ProducesValidationProblem();

        return api;
    }
}
