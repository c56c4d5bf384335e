using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Forwarding;

/// <summary>
/// Sends a request once more to another backend when the first could not be reached or reset the
/// connection before answering. Only idempotent methods without a body qualify: nothing was
/// consumed from the client, and a second delivery cannot do harm. YARP itself never retries.
/// </summary>
internal sealed partial class RetryMiddleware(RequestDelegate next, ILogger<RetryMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        // A request that may not be sent twice, or a pool with one backend to send it to, goes on
        // without a frame of ours to come back to.
        return IsRetryable(context) && context.GetReverseProxyFeature().AvailableDestinations.Count > 1
            ? RetryOnFailureAsync(context)
            : next(context);
    }

    private async Task RetryOnFailureAsync(HttpContext context)
    {
        var feature = context.GetReverseProxyFeature();
        var candidates = feature.AvailableDestinations;
        await next(context);

        var error = context.GetForwarderErrorFeature();
        if (error is not { Error: ForwarderError.Request } || context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        var failed = feature.ProxiedDestination;
        var others = candidates.Where(d => !ReferenceEquals(d, failed)).ToArray();
        if (others.Length == 0)
        {
            return;
        }

        LogRetrying(feature.Cluster.Config.ClusterId, failed?.Model.Config.Address ?? "?", error.Exception?.Message ?? error.Error.ToString());

        // The forwarder left a cleared 502 that has not been sent: undo it and go round again.
        context.Features.Set<IForwarderErrorFeature>(null);
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status200OK;
        feature.ProxiedDestination = null;
        feature.AvailableDestinations = others;
        await next(context);
    }

    private static bool IsRetryable(HttpContext context)
    {
        var method = context.Request.Method;
        if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method) && !HttpMethods.IsDelete(method))
        {
            return false;
        }

        // CanHaveBody covers Content-Length, chunked bodies and HTTP/2 data frames alike.
        return context.Features.Get<IHttpRequestBodyDetectionFeature>() is not { CanHaveBody: true };
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Backend {Backend} of pool {Pool} failed before answering ({Reason}); retrying on another backend.")]
    private partial void LogRetrying(string pool, string backend, string reason);
}
