using Appliance.Data.Providers;
using Appliance.Engine.Configuration;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Appliance.Web.Outage;

/// <summary>
/// The one place where a database that cannot be reached becomes 503 instead of 500: an RFC 9457
/// problem document for the API, a short page for the admin site. Both say that this node keeps
/// serving its last configuration and recovers by itself; neither carries the exception's text,
/// which may name hosts or settings.
/// </summary>
internal sealed partial class DatabaseOutageExceptionHandler(
    SnapshotStore snapshots,
    IProblemDetailsService problems,
    ILogger<DatabaseOutageExceptionHandler> logger) : IExceptionHandler
{
    public const string Title = "Configuration database unavailable";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseOutage.IsCause(exception))
        {
            return false;
        }

        var revision = snapshots.AppliedRevision;
        LogOutage(httpContext.Request.Method, httpContext.Request.Path, revision);
        var detail = $"This node cannot reach its configuration database. It keeps serving configuration revision {revision} "
            + "and recovers by itself when the database is back; changes and reads through the API wait until then.";
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        if (httpContext.Request.Path.StartsWithSegments("/api"))
        {
            var written = await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = Title, Detail = detail },
            });
            if (!written)
            {
                // A client that accepts no JSON still learns why, rather than getting the 500 page.
                await httpContext.Response.WriteAsync($"{Title}. {detail}", cancellationToken);
            }

            return true;
        }

        httpContext.Response.ContentType = "text/html; charset=utf-8";
        await httpContext.Response.WriteAsync(OutagePage.Render(Title, detail), cancellationToken);
        return true;
    }

    [LoggerMessage(EventId = 1787, Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the configuration database is unreachable; revision {Revision} keeps serving.")]
    private partial void LogOutage(string method, PathString path, long revision);
}
