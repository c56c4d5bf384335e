using Appliance.Data.Users.Preferences;
using Appliance.Web.Auth;

namespace Appliance.Web.Api;

/// <summary>
/// <c>/api/v1/account/preferences</c>: the signed-in user's own preferences, <c>{"theme": "System",
/// "Light" or "Dark"}</c>, which the admin site applies in every browser they sign in from.
/// Preferences belong to a person, so this is the one API that answers to the admin site's cookie,
/// and only to it: an API token is nobody's account and gets 401. A change is made the way a page
/// saves one (the session checked against the database first, then audited as the user's own
/// update); a write from another origin is refused, although SameSite=Strict and JSON alone (which
/// no cross-origin form can send without a CORS preflight this site never grants) already keep other
/// pages out.
/// </summary>
internal static class AccountEndpoints
{
    public const string PreferencesPath = "/api/v1/account/preferences";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var preferences = endpoints.MapGroup(PreferencesPath).WithTags("Account").AllowAnonymous();

        preferences.MapGet("/", async (HttpContext context, UserPreferencesStore store, CancellationToken ct) =>
                SignedInUser(context) is not { } name ? NotSignedIn()
                : await store.GetAsync(name, ct) is { } found ? Results.Ok(found)
                : NotSignedIn())
            .Produces<UserPreferences>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        preferences.MapPut("/", async (HttpRequest request, UserPreferencesStore store, AdminSessions sessions, CancellationToken ct) =>
            {
                if (SignedInUser(request.HttpContext) is null || await sessions.ValidateNowAsync(request.HttpContext.User, ct) is not { } session)
                {
                    return NotSignedIn();
                }

                if (request.Headers.Origin.Count > 0 && !BlazorHubOriginMiddleware.IsOwnOrigin(request))
                {
                    return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "Preferences are changed from the admin site's own pages only.");
                }

                var (preferences, error) = await ApiJson.ReadAsync<UserPreferences>(request);
                return error ?? ApiProblems.From(await store.SetAsync(session.User.UserName, preferences!, ct), Results.Ok);
            })
            .Accepts<UserPreferences>("application/json")
            .Produces<UserPreferences>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return endpoints;
    }

    // The admin site's cookie is the default scheme, so the user is already known (and their session
    // checked) by the time an endpoint runs; a bearer token is never looked at here.
    private static string? SignedInUser(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, AuthenticationType: AdminCookie.Scheme, Name: { Length: > 0 } name } ? name : null;

    private static IResult NotSignedIn() => Results.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        title: "Unauthorized",
        detail: "Preferences belong to a user signed in to the admin site (its cookie); an API token has none.");
}
