using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy;

namespace Appliance.Engine.Security;

/// <summary>
/// Replaces the proxy's own failures (no backend available, backend unreachable, timeout, a bug
/// of ours) with a generic page. A backend's own 502 or 503 passes through untouched: only
/// failures YARP reports through its error feature are rewritten.
/// </summary>
internal sealed partial class ErrorPageMiddleware(RequestDelegate next, ILogger<ErrorPageMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            LogUnhandled(ex, context.Request.Method, context.Request.Path);
            if (context.Response.HasStarted)
            {
                context.Abort();
                return;
            }

            await ErrorPages.WriteAsync(context, StatusCodes.Status500InternalServerError);
            return;
        }

        if (!context.Response.HasStarted && context.GetForwarderErrorFeature() is not null
            && context.Response.StatusCode is >= 500 and <= 599)
        {
            await ErrorPages.WriteAsync(context, context.Response.StatusCode);
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Error, Message = "Unhandled error while proxying {Method} {Path}.")]
    private partial void LogUnhandled(Exception exception, string method, PathString path);
}
