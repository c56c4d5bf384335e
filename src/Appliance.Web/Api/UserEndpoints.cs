using Appliance.Data.TwoFactor;
using Appliance.Data.Users;
using Appliance.Web.Auth;

namespace Appliance.Web.Api;

/// <summary>
/// <c>/api/v1/users</c>: the admin site's users with whether they use two-factor sign-in, and an
/// Admin's reset of a user's two-factor (a lost phone): their authenticator and recovery codes are
/// removed and their sessions end.
/// </summary>
internal static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");

        // Viewers see the same list on the Users page.
        users.MapGet("/", async (UserStore store, TwoFactorAdministration twoFactor, CancellationToken ct) =>
            {
                var withTwoFactor = await twoFactor.EnrolledUserIdsAsync(ct);
                return Results.Ok((await store.ListAsync(ct)).Select(user => UserResponse.From(user, withTwoFactor)));
            })
            .Produces<IReadOnlyList<UserResponse>>();

        users.MapPost("/{name}/two-factor/reset", async (string name, HttpContext context, UserStore store, TwoFactorAdministration twoFactor, CancellationToken ct) =>
                ApiProblems.From(
                    await twoFactor.ResetAsync(name, Editor.Authorized(Actor.Of(context)), ct),
                    user => Results.Ok(UserResponse.From(user, new HashSet<int>()))))
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Produces<UserResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status409Conflict);

        return api;
    }
}
