using Microsoft.AspNetCore.Antiforgery;

namespace Appliance.Web.Auth;

/// <summary>
/// <c>POST /logout</c>: ends the current session on the server, or with <c>everywhere=true</c> every
/// session of the user, and leads to the sign-in page.
/// </summary>
internal static class LogoutEndpoint
{
    public static IEndpointRouteBuilder MapLogout(this IEndpointRouteBuilder endpoints)
    {
        // Antiforgery is checked here rather than by the framework: someone signed in must prove the
        // form is the site's own (another page must not sign them out, least of all everywhere), but a
        // tab whose session has already ended holds a token for a user who is no longer signed in,
        // and its sign-out button should still lead to the sign-in page rather than to a 400.
        endpoints.MapPost("/logout", async (HttpContext context, AdminSessions sessions, IAntiforgery antiforgery) =>
            {
                if (context.User.Identity?.IsAuthenticated != true)
                {
                    return Results.LocalRedirect("/login");
                }

                if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "Sign out with the site's own form.");
                }

                var form = await context.Request.ReadFormAsync(context.RequestAborted);
                await sessions.SignOutAsync(context, everywhere: form["everywhere"] == "true");
                return Results.LocalRedirect("/login");
            })
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return endpoints;
    }
}
