using System.Diagnostics;
using Appliance.Engine.AccessLogging;
using Appliance.Engine.AccessLogging.Viewer;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Metrics;

/// <summary>
/// The outermost step of the data plane: gives the request its id, and when the response is done
/// records it once, in the rolling metrics, in the access log and in the viewer's ring of recent
/// requests, with the route, pool and backend that served it.
/// </summary>
internal sealed class RequestRecordingMiddleware(
    RequestDelegate next, TrafficMetrics metrics, AccessLogWriter accessLog, RecentRequests recent, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var requestId = RequestIdGenerator.Next();
        context.Features.Set<IRequestIdFeature>(new RequestIdFeature(requestId));
        context.Response.Headers[RequestIdFeature.HeaderName] = requestId;

        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var counting = new CountingResponseBodyFeature(body);
        context.Features.Set<IHttpResponseBodyFeature>(counting);
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(body);
            Record(context, requestId, counting.BytesWritten, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private void Record(HttpContext context, string requestId, long bytes, double milliseconds)
    {
        var route = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.RouteId;
        var proxy = context.Features.Lookup<IReverseProxyFeature>();
        var pool = proxy?.Cluster?.Config.ClusterId;
        var backend = proxy?.ProxiedDestination?.Model.Config.Address;
        var status = context.Response.StatusCode;
        var failed = context.GetForwarderErrorFeature() is not null;
        var now = time.GetUtcNow();
        metrics.Record(now, route, pool, backend, status, failed, milliseconds);

        if (!accessLog.Enabled && !recent.Enabled)
        {
            return;
        }

        var request = context.Request;

        // The path as the backend got it, not the decision path: a request is logged as what it
        // reached. The client's own spelling goes beside it in the log when it differed; the viewer
        // keeps the canonical path alone, because the raw target can carry path parameters
        // (";jsessionid=…") that the canonical one has shed.
        var path = CanonicalPath.ForwardOf(request);
        var client = context.Connection.RemoteIpAddress;
        var host = request.Host.Value ?? "";
        var duration = Math.Round(milliseconds, 3);
        if (accessLog.Enabled)
        {
            accessLog.Write(new AccessLogEntry(
                now, requestId, client, host, request.Method, path, status, bytes, duration, route, pool, backend, TargetIfOther(context, path)));
        }

        // A struct copied into the ring: no allocation for the viewer.
        recent.Add(new RecentRequest(0, now, requestId, client, host, request.Method, PathParameters.Strip(path), status, bytes, duration, route, pool, backend));
    }

    // The raw target without its query (which often carries secrets); null when it is the path.
    private static string? TargetIfOther(HttpContext context, string path)
    {
        var raw = context.Features.Lookup<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var target = query < 0 ? raw.AsSpan() : raw.AsSpan(0, query);
        return target.SequenceEqual(path) ? null : target.ToString();
    }
}
