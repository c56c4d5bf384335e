using System.Runtime.CompilerServices;
using Appliance.Engine.Caching.Disk;
using Appliance.Engine.Caching.Ranges;
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
/// it did in Cache-Status (RFC 9211) with a correct Age. It only orchestrates: look up, decide,
/// fetch, store or serve; each decision is one of the pure pieces beside it.
/// </summary>
internal sealed class ResponseCacheMiddleware(
    RequestDelegate next,
    ResponseCache cache,
    CacheCoalescer coalescer,
    CacheOptions options,
    StaleRevalidator revalidator,
    RangeMissMemo rangeMisses,
    TimeProvider time)
{
    private readonly CachedResponseWriter _writer = new(cache, CacheTargets.Of(options));

    // Not async: a request the cache can neither answer nor be changed by (no rule for its path, a safe
    // method other than GET and HEAD) pays for no state machine.
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            var policy = context.GetRoutePlan().Get<RouteResponsePolicy>();
            var rule = policy.RuleFor(request.Path.Value ?? "/");
            return rule is null ? next(context) : ServeAsync(context, policy, rule);
        }

        // Unsafe on any route: entries are keyed by URL, whichever route stored them.
        return CacheInvalidation.IsUnsafe(request.Method) ? ForwardUnsafeAsync(context) : next(context);
    }

    private async Task ForwardUnsafeAsync(HttpContext context)
    {
        await next(context);

        // Most hosts hold nothing: then the targets are not worked out and the lock is not taken.
        var request = context.Request;
        if (CacheInvalidation.Applies(request.Method, context.Response.StatusCode) && cache.HoldsAnyFor(request.Host.Value ?? ""))
        {
            Invalidate(context);
        }
    }

    private async Task ServeAsync(HttpContext context, RouteResponsePolicy policy, CacheRulePlan rule)
    {
        var request = context.Request;

        // Look up the variant for this request, if this request may have it at all.
        var requestDirectives = CacheDirectives.Of(request);
        var key = CacheKeys.For(request, rule.IncludeQueryString);
        var hasAuthorization = !StringValues.IsNullOrEmpty(request.Headers.Authorization);
        var found = cache.Lookup(key, request, out var urlStored, out var tier);
        var stored = found is not null && CacheStorability.MayAnswer(found, hasAuthorization) ? found : null;
        var now = time.GetUtcNow();
        if (stored is not null && CacheFreshness.IsFreshEnough(stored, requestDirectives, now))
        {
            cache.CountHit(rule.Name, stored, tier);
            await _writer.WriteAsync(context, stored, policy, CacheStatus.Hit(CacheFreshness.Ttl(stored, now), HeuristicDetail(stored) ?? CacheStatus.TierDetail(tier)), now);
            return;
        }

        if (stored is not null && CacheFreshness.MayServeWhileRevalidating(stored, requestDirectives, now))
        {
            cache.CountHit(rule.Name, stored, tier);
            revalidator.Start(context, stored, rule, requestDirectives, hasAuthorization);
            await _writer.WriteAsync(context, stored, policy, CacheStatus.Hit(CacheFreshness.Ttl(stored, now), CacheStatus.StaleWhileRevalidateDetail), now);
            return;
        }

        cache.CountMiss(rule.Name);
        var fwd = CacheStatus.ForwardReason(urlStored, found is not null, found is not null && CacheFreshness.IsFresh(found, now));

        // One fetch per object: others wait for it, then use what it stored.
        Task<CachedResponse?>? led = null;
        var collapseFailed = false;
        if (stored is null && HttpMethods.IsGet(request.Method))
        {
            if (coalescer.TryLead(key, out var pending))
            {
                led = pending;
            }
            else
            {
                var fetched = await WaitAsync(pending, context.RequestAborted);
                if (fetched is not null && CacheVariants.Matches(fetched, request.Headers) && CacheStorability.MayAnswer(fetched, hasAuthorization))
                {
                    cache.CountHit(rule.Name, fetched, CacheTier.Memory);
                    var at = time.GetUtcNow();
                    await _writer.WriteAsync(context, fetched, policy, CacheStatus.Collapsed(fwd, CacheFreshness.Ttl(fetched, at)), at);
                    return;
                }

                collapseFailed = true;
            }
        }

        try
        {
            await FetchAsync(context, rule, policy, requestDirectives, key, stored, fwd, collapseFailed, hasAuthorization, led);
        }
        finally
        {
            // Nothing was stored (or the fetch failed): the waiters go to the origin themselves. A no-op once released.
            Release(key, led, null);
        }
    }

    // Forwards to the origin with the body held back, then stores, freshens or answers stale. Whatever it
    // stores is handed to the waiters at once: they must not wait while this client reads, however slowly.
    private async Task FetchAsync(
        HttpContext context, CacheRulePlan rule, RouteResponsePolicy policy, CacheDirectives requestDirectives,
        string key, CachedResponse? stored, string fwd, bool collapseFailed, bool hasAuthorization, Task<CachedResponse?>? led)
    {
        var request = context.Request;
        var response = context.Response;

        // Set when the response starts, with the value the outcome below settles on.
        var status = new StrongBox<string>(CacheStatus.Forwarded(fwd, collapseFailed: collapseFailed));
        response.OnStarting(static state =>
        {
            var (r, s) = ((HttpResponse, StrongBox<string>))state;
            r.Headers[CacheStatus.HeaderName] = s.Value;
            return Task.CompletedTask;
        }, (response, status));

        var originalBody = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var (capture, requestTime) = await ForwardAsync(context, rule, requestDirectives, key, stored, fwd, collapseFailed, hasAuthorization, status);

        // RFC 9111 §4.3.4: a 304 about another representation must not update the entry, and the entry is not
        // the one to serve; it goes, and the origin is asked once more, unconditionally, for the one that is.
        if (stored is not null && response.StatusCode == StatusCodes.Status304NotModified && !CacheFreshening.Selects(stored, response.Headers))
        {
            cache.Remove(stored);
            stored = null;
            CachedResponseWriter.ClearOriginAnswer(response, keepSetCookie: false);
            response.StatusCode = StatusCodes.Status200OK;
            (capture, requestTime) = await ForwardAsync(context, rule, requestDirectives, key, stored, fwd, collapseFailed, hasAuthorization, status);
        }

        if (capture.StreamedThrough)
        {
            NoteUnstoredRange(context, key);
            await originalBody.CompleteAsync();
            return;
        }

        var now = time.GetUtcNow();
        var failed = CacheFreshness.OriginFailed(response.StatusCode, forwarderError: context.GetForwarderErrorFeature() is not null);
        if (failed && stored is not null && CacheFreshness.MayServeStaleOnError(stored, requestDirectives, now))
        {
            var originStatus = response.StatusCode;
            context.Features.Set<IForwarderErrorFeature>(null);
            CachedResponseWriter.ClearOriginAnswer(response, keepSetCookie: false);
            cache.CountHit(rule.Name, stored, stored.BodyFile is null ? CacheTier.Memory : CacheTier.Disk);
            status.Value = CacheStatus.Forwarded(CacheStatus.Stale, originStatus, detail: CacheStatus.StaleIfErrorDetail);
            await _writer.WriteAsync(context, stored, policy, status.Value, now);
            return;
        }

        if (stored is not null && response.StatusCode == StatusCodes.Status304NotModified)
        {
            // This client gets the freshened response either way; the store keeps it only if the 304 still lets it.
            var freshened = CacheFreshening.Freshen(stored, response.Headers, requestTime, now, rule.Targets);
            var dropped = CacheFreshening.Refusal(response.Headers, rule.Targets);
            var kept = dropped is null;
            if (kept)
            {
                cache.Store(freshened);
                Release(key, led, freshened);
            }
            else
            {
                cache.Remove(stored);
            }

            CachedResponseWriter.ClearOriginAnswer(response, keepSetCookie: true);
            status.Value = CacheStatus.Forwarded(CacheStatus.Stale, StatusCodes.Status304NotModified, kept ? CacheFreshness.Ttl(freshened, now) : null, dropped);
            await _writer.WriteAsync(context, freshened, policy, status.Value, now);
            return;
        }

        // No 5xx is stored, failure or not: an origin's trouble must not outlive it in the cache.
        var body = capture.Captured;
        string? refusal = null;
        var entry = HttpMethods.IsGet(request.Method) && !failed && response.StatusCode < 500
            ? CacheStoragePolicy.CreateEntry(response.StatusCode, response.Headers, request.Headers, rule, requestDirectives, key, body, requestTime, now, hasAuthorization, out refusal)
            : null;
        if (entry is null)
        {
            status.Value = CacheStatus.Forwarded(fwd, detail: refusal, collapseFailed: collapseFailed);
            Release(key, led, null);
            NoteUnstoredRange(context, key);
            await CachedResponseWriter.WriteHeldBackAsync(context, body);
            return;
        }

        cache.Store(entry);
        rangeMisses.Stored(key);
        Release(key, led, entry);
        CachedResponseWriter.ClearOriginAnswer(response, keepSetCookie: true);
        status.Value = CacheStatus.Forwarded(fwd, storedTtl: CacheFreshness.Ttl(entry, now), detail: HeuristicDetail(entry), collapseFailed: collapseFailed);
        await _writer.WriteAsync(context, entry, policy, status.Value, now);
    }

    // One trip to the origin: with the stored entry's validators or none, the client's own restored after.
    private async Task<(CaptureResponseBodyFeature Capture, DateTimeOffset RequestTime)> ForwardAsync(
        HttpContext context, CacheRulePlan rule, CacheDirectives requestDirectives, string key, CachedResponse? stored, string fwd,
        bool collapseFailed, bool hasAuthorization, StrongBox<string> status)
    {
        var request = context.Request;
        var response = context.Response;
        var clientIfNoneMatch = request.Headers.IfNoneMatch;
        var clientIfModifiedSince = request.Headers.IfModifiedSince;
        var (clientRange, clientIfRange) = (request.Headers.Range, request.Headers.IfRange);
        var wholeForRange = FetchesWholeForRange(request, key, stored);
        if (wholeForRange)
        {
            // The whole object is fetched to be stored and the range answered from it; If-Range is answered here too.
            request.Headers.Remove(HeaderNames.Range);
            request.Headers.Remove(HeaderNames.IfRange);
        }

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

        var originalBody = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var requestTime = time.GetUtcNow();

        // Held back only if the answer could be stored, or replaced by the stale entry; if not, Cache-Status says why.
        // What streams through unstored still answers the range; what is stored is answered from the entry.
        var sink = wholeForRange ? new RangeSlicingBodyFeature(originalBody, response, clientRange, clientIfRange) : originalBody;
        var capture = new CaptureResponseBodyFeature(sink, rule.MaxObjectBytes, () =>
        {
            if (stored is not null || !HttpMethods.IsGet(request.Method))
            {
                return stored is not null;
            }

            var storable = CacheStoragePolicy.CreateEntry(
                response.StatusCode, response.Headers, request.Headers, rule, requestDirectives, key, [], requestTime, requestTime, hasAuthorization, out var refusal) is not null;
            status.Value = CacheStatus.Forwarded(fwd, detail: refusal, collapseFailed: collapseFailed);
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
            (request.Headers.Range, request.Headers.IfRange) = (clientRange, clientIfRange);
        }

        return (capture, requestTime);
    }

    // A range miss asks the origin for the whole object, unless its whole answer was found unstorable before
    // (then the Range goes as it came and nothing is stored); a revalidation always asks for the whole.
    private bool FetchesWholeForRange(HttpRequest request, string key, CachedResponse? stored) =>
        !StringValues.IsNullOrEmpty(request.Headers.Range) && HttpMethods.IsGet(request.Method) && (stored is not null || !rangeMisses.ForwardsRanges(key));

    // Only an answer about the object itself counts (its 200, or the 206 or 416 cut from it): an origin's
    // passing 5xx must not stop ranges of the URL being cached.
    private void NoteUnstoredRange(HttpContext context, string key)
    {
        var request = context.Request;
        if (!StringValues.IsNullOrEmpty(request.Headers.Range) && HttpMethods.IsGet(request.Method)
            && context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status206PartialContent or StatusCodes.Status416RangeNotSatisfiable)
        {
            rangeMisses.Refused(key);
        }
    }

    private static string? HeuristicDetail(CachedResponse entry) => entry.Heuristic ? HeuristicFreshness.Detail : null;

    // Hands the outcome to the requests waiting for this fetch; a no-op when this request leads none or already did.
    private void Release(string key, Task<CachedResponse?>? led, CachedResponse? outcome)
    {
        if (led is not null)
        {
            coalescer.Complete(key, led, outcome);
        }
    }

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
}
