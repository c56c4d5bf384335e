using Appliance.Engine.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Forwarder;

namespace Appliance.Engine.Caching;

/// <summary>
/// The shared cache (RFC 9111) in front of a route's pools, for the paths its cache rules name:
/// serves fresh entries, revalidates stale ones with the origin's validators, serves stale content
/// when the origin fails within stale-if-error, stores what the origin allows, lets one request
/// fetch a missing object while the others wait, invalidates after unsafe requests, and says what
/// it did in Cache-Status (RFC 9211) with a correct Age.
/// </summary>
internal sealed class ResponseCacheMiddleware(
    RequestDelegate next,
    SnapshotStore snapshots,
    ResponseCache cache,
    CacheCoalescer coalescer,
    CacheOptions options,
    StaleRevalidator revalidator,
    TimeProvider time)
{
    private const string CacheName = "Appliance";

    private readonly CachedResponseWriter _writer = new(cache);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var routeId = context.GetReverseProxyFeature().Route.Config.RouteId;
        var policy = snapshots.Current.ResponsePolicies.GetValueOrDefault(routeId) ?? RouteResponsePolicy.Default;

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            await next(context);
            if (CacheInvalidation.Applies(request.Method, context.Response.StatusCode))
            {
                Invalidate(context);
            }

            return;
        }

        var rule = policy.RuleFor(request.Path.Value ?? "/");
        if (rule is null)
        {
            await next(context);
            return;
        }

        var requestDirectives = CacheDirectives.Of(request);
        var key = CacheKeys.For(request, rule.IncludeQueryString);
        var hasAuthorization = !StringValues.IsNullOrEmpty(request.Headers.Authorization);
        var stored = cache.Lookup(key, request);
        if (stored is not null && !CacheStorability.MayAnswer(stored, hasAuthorization))
        {
            stored = null;
        }

        var now = time.GetUtcNow();
        if (stored is not null && CacheFreshness.IsFreshEnough(stored, requestDirectives, now))
        {
            cache.CountHit();
            await _writer.WriteAsync(context, stored, policy, $"{CacheName}; hit; ttl={CacheFreshness.Ttl(stored, now)}", now);
            return;
        }

        // RFC 5861: within stale-while-revalidate the stale entry answers now, and the origin is asked in the background.
        if (stored is not null && CacheFreshness.MayServeWhileRevalidating(stored, requestDirectives, now))
        {
            cache.CountHit();
            revalidator.Start(context, stored, rule, requestDirectives, hasAuthorization);
            await _writer.WriteAsync(context, stored, policy, $"{CacheName}; hit; ttl=0; detail=stale-while-revalidate", now);
            return;
        }

        cache.CountMiss();
        var fwd = stored is not null ? "stale" : requestDirectives.NoCache ? "request" : "uri-miss";

        // One fetch per object: others wait for it, then use what it stored.
        var lead = false;
        if (stored is null && HttpMethods.IsGet(request.Method))
        {
            lead = coalescer.TryLead(key, out var pending);
            if (!lead)
            {
                var fetched = await WaitAsync(pending, context.RequestAborted);
                if (fetched is not null && CacheVariants.Matches(fetched, request.Headers) && CacheStorability.MayAnswer(fetched, hasAuthorization))
                {
                    cache.CountHit();
                    await _writer.WriteAsync(context, fetched, policy, $"{CacheName}; hit; ttl={CacheFreshness.Ttl(fetched, time.GetUtcNow())}; detail=coalesced", time.GetUtcNow());
                    return;
                }
            }
        }

        CachedResponse? outcome = null;
        try
        {
            outcome = await FetchAsync(context, rule, policy, requestDirectives, key, stored, fwd, hasAuthorization);
        }
        finally
        {
            if (lead)
            {
                coalescer.Complete(key, outcome);
            }
        }
    }

    // Forwards to the origin with the body held back, then stores, refreshes or answers stale.
    private async Task<CachedResponse?> FetchAsync(
        HttpContext context, CacheRulePlan rule, RouteResponsePolicy policy, CacheDirectives requestDirectives,
        string key, CachedResponse? stored, string fwd, bool hasAuthorization)
    {
        var request = context.Request;
        var response = context.Response;
        var clientIfNoneMatch = request.Headers.IfNoneMatch;
        var clientIfModifiedSince = request.Headers.IfModifiedSince;
        if (stored is not null)
        {
            // Revalidate with the stored validators; the client's own conditions are answered here.
            (request.Headers.IfNoneMatch, request.Headers.IfModifiedSince) = ConditionalRequests.ValidatorsFor(stored);
        }
        else
        {
            // The cache wants a full response to store; a 304 for the client is made from it.
            request.Headers.Remove(HeaderNames.IfNoneMatch);
            request.Headers.Remove(HeaderNames.IfModifiedSince);
        }

        // Set when the response starts, with the value the outcome below settles on.
        var status = new CacheStatusHeader($"{CacheName}; fwd={fwd}");
        response.OnStarting(static state =>
        {
            var (r, s) = ((HttpResponse, CacheStatusHeader))state;
            r.Headers["Cache-Status"] = s.Value;
            return Task.CompletedTask;
        }, (response, status));

        var originalBody = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var requestTime = time.GetUtcNow();

        // Held back only if the answer could be stored, or replaced by the stale entry; if not, Cache-Status says why.
        var capture = new CaptureResponseBodyFeature(originalBody, rule.MaxObjectBytes, () =>
        {
            if (stored is not null || !HttpMethods.IsGet(request.Method))
            {
                return stored is not null;
            }

            var storable = CacheStoragePolicy.CreateEntry(
                response.StatusCode, response.Headers, request.Headers, rule, requestDirectives, key, [], requestTime, requestTime, hasAuthorization, out var refusal) is not null;
            status.Value = NotStored(fwd, refusal);
            return storable;
        });
        context.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await next(context);
            await capture.FlushAsync();
        }
        finally
        {
            context.Features.Set(originalBody);
            request.Headers.IfNoneMatch = clientIfNoneMatch;
            request.Headers.IfModifiedSince = clientIfModifiedSince;
        }

        if (capture.StreamedThrough)
        {
            await originalBody.CompleteAsync();
            return null;
        }

        var now = time.GetUtcNow();
        var failed = CacheFreshness.OriginFailed(response.StatusCode, forwarderError: context.GetForwarderErrorFeature() is not null);

        // RFC 5861: a failing origin is hidden behind stale content while stale-if-error allows it.
        if (failed && stored is not null && CacheFreshness.MayServeStaleOnError(stored, requestDirectives, now))
        {
            var originStatus = response.StatusCode;
            context.Features.Set<IForwarderErrorFeature>(null);
            ResetResponse(context, keepSetCookie: false);
            cache.CountHit();
            status.Value = $"{CacheName}; fwd=stale; fwd-status={originStatus}; detail=stale-if-error";
            await _writer.WriteAsync(context, stored, policy, status.Value, now);
            return null;
        }

        if (stored is not null && response.StatusCode == StatusCodes.Status304NotModified)
        {
            var refreshed = CacheFreshening.Freshen(stored, response.Headers, requestTime, now);
            cache.Store(refreshed);
            ResetResponse(context, keepSetCookie: true);
            status.Value = $"{CacheName}; fwd=stale; fwd-status=304; stored; ttl={CacheFreshness.Ttl(refreshed, now)}";
            await _writer.WriteAsync(context, refreshed, policy, status.Value, now);
            return refreshed;
        }

        var body = capture.Captured;
        string? refusal = null;
        var entry = HttpMethods.IsGet(request.Method) && !failed
            ? CacheStoragePolicy.CreateEntry(response.StatusCode, response.Headers, request.Headers, rule, requestDirectives, key, body, requestTime, now, hasAuthorization, out refusal)
            : null;
        if (entry is null)
        {
            status.Value = NotStored(fwd, refusal);
            await WriteCapturedAsync(context, body);
            return null;
        }

        cache.Store(entry);
        ResetResponse(context, keepSetCookie: true);
        status.Value = $"{CacheName}; fwd={fwd}; stored; ttl={CacheFreshness.Ttl(entry, now)}";
        await _writer.WriteAsync(context, entry, policy, status.Value, now);
        return entry;
    }

    private static string NotStored(string fwd, string? refusal) =>
        refusal is null ? $"{CacheName}; fwd={fwd}" : $"{CacheName}; fwd={fwd}; detail={refusal}";

    private void Invalidate(HttpContext context)
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        var forwardPath = Routing.CanonicalPath.ForwardOf(request);
        foreach (var key in CacheInvalidation.Targets(request.Scheme, request.Host, forwardPath, request.QueryString.Value, headers.Location, headers.ContentLocation))
        {
            cache.PurgeUrl(key);
        }
    }

    private async Task<CachedResponse?> WaitAsync(Task<CachedResponse?> pending, CancellationToken aborted)
    {
        try
        {
            return await pending.WaitAsync(TimeSpan.FromSeconds(options.CoalescingTimeoutSeconds), time, aborted);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private static async Task WriteCapturedAsync(HttpContext context, byte[] body)
    {
        if (body.Length > 0)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    // Clears what the origin's answer put on the response before an entry is written, keeping what the
    // appliance's own steps set. Set-Cookie is never stored, but when the entry was made from this very
    // answer (stored, or refreshed by a 304) its cookies are this client's and must reach it; stale
    // content standing in for a failed answer carries nothing of that answer.
    private static void ResetResponse(HttpContext context, bool keepSetCookie)
    {
        var headers = context.Response.Headers;
        var requestId = headers[Metrics.RequestIdFeature.HeaderName];
        var setCookie = keepSetCookie ? headers.SetCookie : StringValues.Empty;
        headers.Clear();
        if (!StringValues.IsNullOrEmpty(requestId))
        {
            headers[Metrics.RequestIdFeature.HeaderName] = requestId;
        }

        if (!StringValues.IsNullOrEmpty(setCookie))
        {
            headers.SetCookie = setCookie;
        }
    }

    private sealed class CacheStatusHeader(string value)
    {
        public string Value { get; set; } = value;
    }
}
