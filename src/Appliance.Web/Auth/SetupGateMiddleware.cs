using Appliance.Data.Users;

namespace Appliance.Web.Auth;

/// <summary>
/// While no administrator exists, every admin page leads to /setup; once one does, /setup leads
/// to the sign-in page. The API, metrics and the site's own assets are not pages.
/// </summary>
internal sealed class SetupGateMiddleware(RequestDelegate next, SetupCode setupCode)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var isSetup = path.StartsWithSegments("/setup", StringComparison.OrdinalIgnoreCase);
        if (setupCode.IsPending && !isSetup && IsPage(path))
        {
            context.Response.Redirect("/setup");
            return Task.CompletedTask;
        }

        if (!setupCode.IsPending && isSetup)
        {
            context.Response.Redirect("/login");
            return Task.CompletedTask;
        }

        return next(context);
    }

    private static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/metrics") && !path.StartsWithSegments("/_framework")
        && !path.StartsWithSegments("/_content") && !path.StartsWithSegments("/_blazor") && !Path.HasExtension(path.Value);
}
