using System.Globalization;
using Appliance.Engine.Compression;
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

    // Hop-by-hop headers, per-request headers and cookies never enter a shared cache.
    private static readonly HashSet<string> NotStored = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Connection, HeaderNames.KeepAlive, HeaderNames.TransferEncoding, HeaderNames.Upgrade, HeaderNames.TE,
        HeaderNames.Trailer, HeaderNames.ProxyAuthenticate, "Proxy-Connection", HeaderNames.SetCookie, HeaderNames.Age,
        "Cache-Status", Metrics.RequestIdFeature.HeaderName, HeaderNames.StrictTransportSecurity,
    };

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var routeId = context.GetReverseProxyFeature().Route.Config.RouteId;
        var policy = snapshots.Current.ResponsePolicies.GetValueOrDefault(routeId) ?? RouteResponsePolicy.Default;

        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            await next(context);
            if (!HttpMethods.IsOptions(request.Method) && !HttpMethods.IsTrace(request.Method) && context.Response.StatusCode is >= 200 and < 400)
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
        if (stored is not null && hasAuthorization && !stored.SharedWithAuthorization)
        {
            stored = null;
        }

        var now = time.GetUtcNow();
        if (stored is not null && IsFreshEnough(stored, requestDirectives, now))
        {
            cache.CountHit();
            await ServeAsync(context, stored, policy, $"{CacheName}; hit; ttl={Ttl(stored, now)}", now);
            return;
        }

        // RFC 5861: within stale-while-revalidate the stale entry answers now, and the origin is asked in the background.
        if (stored is not null && !stored.MustRevalidate && !requestDirectives.NoCache && stored.StaleWhileRevalidate > TimeSpan.Zero
            && stored.CurrentAge(now) - stored.FreshnessLifetime <= stored.StaleWhileRevalidate)
        {
            cache.CountHit();
            revalidator.Start(context, stored, rule, requestDirectives, hasAuthorization);
            await ServeAsync(context, stored, policy, $"{CacheName}; hit; ttl=0; detail=stale-while-revalidate", now);
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
                if (fetched is not null && fetched.VaryKey == ResponseCache.VaryKeyOf(fetched.VaryHeaders, request) && (!hasAuthorization || fetched.SharedWithAuthorization))
                {
                    cache.CountHit();
                    await ServeAsync(context, fetched, policy, $"{CacheName}; hit; ttl={Ttl(fetched, time.GetUtcNow())}; detail=coalesced", time.GetUtcNow());
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
            request.Headers.IfNoneMatch = stored.ETag is { } etag ? etag : StringValues.Empty;
            request.Headers.IfModifiedSince = stored.ETag is null && stored.LastModified is { } modified ? HeaderUtilities.FormatDate(modified) : StringValues.Empty;
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

        // Held back only if the answer could be stored, or replaced by the stale entry.
        var capture = new CaptureResponseBodyFeature(originalBody, rule.MaxObjectBytes, () =>
            stored is not null
            || (HttpMethods.IsGet(request.Method)
                && CreateEntry(response.StatusCode, response.Headers, request.Headers, rule, requestDirectives, key, [], requestTime, requestTime, hasAuthorization) is not null));
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
        var failed = context.GetForwarderErrorFeature() is not null || response.StatusCode >= 500;

        // RFC 5861: a failing origin is hidden behind stale content while stale-if-error allows it.
        if (failed && stored is not null && MayServeStaleOnError(stored, requestDirectives, now))
        {
            var originStatus = response.StatusCode;
            context.Features.Set<IForwarderErrorFeature>(null);
            ResetResponse(context);
            cache.CountHit();
            status.Value = $"{CacheName}; fwd=stale; fwd-status={originStatus}; detail=stale-if-error";
            await ServeAsync(context, stored, policy, status.Value, now);
            return null;
        }

        if (stored is not null && response.StatusCode == StatusCodes.Status304NotModified)
        {
            var refreshed = Refresh(stored, response.Headers, requestTime, now);
            cache.Store(refreshed);
            ResetResponse(context);
            status.Value = $"{CacheName}; fwd=stale; fwd-status=304; stored; ttl={Ttl(refreshed, now)}";
            await ServeAsync(context, refreshed, policy, status.Value, now);
            return refreshed;
        }

        var body = capture.Captured;
        var entry = HttpMethods.IsGet(request.Method) && !failed
            ? TryCreateEntry(context, rule, requestDirectives, key, body, requestTime, now, hasAuthorization)
            : null;
        if (entry is null)
        {
            await WriteCapturedAsync(context, body);
            return null;
        }

        cache.Store(entry);
        ResetResponse(context);
        status.Value = $"{CacheName}; fwd={fwd}; stored; ttl={Ttl(entry, now)}";
        await ServeAsync(context, entry, policy, status.Value, now);
        return entry;
    }

    private static CachedResponse? TryCreateEntry(
        HttpContext context, CacheRulePlan rule, CacheDirectives requestDirectives, string key, byte[] body,
        DateTimeOffset requestTime, DateTimeOffset responseTime, bool hasAuthorization) =>
        CreateEntry(context.Response.StatusCode, context.Response.Headers, context.Request.Headers, rule, requestDirectives, key, body, requestTime, responseTime, hasAuthorization);

    /// <summary>The entry a response makes, or null when RFC 9111 or the rule says it must not be stored.</summary>
    internal static CachedResponse? CreateEntry(
        int statusCode, IHeaderDictionary headers, IHeaderDictionary requestHeaders, CacheRulePlan rule, CacheDirectives requestDirectives,
        string key, byte[] body, DateTimeOffset requestTime, DateTimeOffset responseTime, bool hasAuthorization)
    {
        var directives = CacheDirectives.Parse(headers.CacheControl, headers.Pragma);
        if (requestDirectives.NoStore || directives.NoStore || directives.Private || statusCode == StatusCodes.Status206PartialContent
            || !StringValues.IsNullOrEmpty(headers.ContentRange) || body.LongLength > rule.MaxObjectBytes)
        {
            return null;
        }

        var vary = headers.Vary.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => v.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (vary.Contains("*"))
        {
            return null;
        }

        var explicitlyShared = directives.Public || directives.SharedMaxAge is not null || directives.MustRevalidate;
        if ((hasAuthorization || !StringValues.IsNullOrEmpty(headers.SetCookie)) && !explicitlyShared)
        {
            return null;
        }

        HeaderUtilities.TryParseDate(headers.Date.ToString(), out var date);
        var hasDate = !StringValues.IsNullOrEmpty(headers.Date);
        TimeSpan? lifetime = directives.SharedMaxAge ?? directives.MaxAge;
        if (lifetime is null && !StringValues.IsNullOrEmpty(headers.Expires))
        {
            // An invalid Expires, such as 0, means already expired (RFC 9111 §5.3).
            lifetime = HeaderUtilities.TryParseDate(headers.Expires.ToString(), out var expires)
                ? Max(TimeSpan.Zero, expires - (hasDate ? date : responseTime))
                : TimeSpan.Zero;
        }

        var etag = headers.ETag.ToString() is { Length: > 0 } e ? e : null;
        var lastModified = HeaderUtilities.TryParseDate(headers.LastModified.ToString(), out var modified) ? modified : (DateTimeOffset?)null;
        lifetime ??= rule.DefaultTtl;
        if (lifetime is null && !(directives.NoCache && (etag is not null || lastModified is not null)))
        {
            return null;
        }

        if (!IsStorableStatus(statusCode, explicitFreshness: directives.SharedMaxAge is not null || directives.MaxAge is not null || !StringValues.IsNullOrEmpty(headers.Expires)))
        {
            return null;
        }

        long.TryParse(headers.Age.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var age);
        return new CachedResponse
        {
            Key = key,
            StatusCode = statusCode,
            Headers = headers.Where(h => !NotStored.Contains(h.Key)).Select(h => new KeyValuePair<string, StringValues>(h.Key, h.Value)).ToArray(),
            Body = body,
            RequestTime = requestTime,
            ResponseTime = responseTime,
            Date = hasDate ? date : null,
            AgeValue = TimeSpan.FromSeconds(age),
            FreshnessLifetime = directives.NoCache ? TimeSpan.Zero : lifetime ?? TimeSpan.Zero,
            ETag = etag,
            LastModified = lastModified,
            NoCache = directives.NoCache,
            MustRevalidate = directives.MustRevalidate,
            NoTransform = directives.NoTransform,
            StaleWhileRevalidate = directives.StaleWhileRevalidate,
            StaleIfError = directives.StaleIfError,
            SharedWithAuthorization = explicitlyShared,
            VaryHeaders = vary,
            VaryKey = ResponseCache.VaryKeyOf(vary, requestHeaders),
        };
    }

    // RFC 9111 §4.3.4: the 304's headers update the stored ones; the body stays.
    internal static CachedResponse Refresh(CachedResponse stored, IHeaderDictionary notModified, DateTimeOffset requestTime, DateTimeOffset now)
    {
        var headers = stored.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var header in notModified)
        {
            if (!NotStored.Contains(header.Key) && !header.Key.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                headers[header.Key] = header.Value;
            }
        }

        var directives = CacheDirectives.Parse(headers.GetValueOrDefault(HeaderNames.CacheControl), headers.GetValueOrDefault(HeaderNames.Pragma));
        var hasDate = HeaderUtilities.TryParseDate(headers.GetValueOrDefault(HeaderNames.Date).ToString(), out var date);
        TimeSpan? lifetime = directives.SharedMaxAge ?? directives.MaxAge;
        if (lifetime is null && HeaderUtilities.TryParseDate(headers.GetValueOrDefault(HeaderNames.Expires).ToString(), out var expires))
        {
            lifetime = Max(TimeSpan.Zero, expires - (hasDate ? date : now));
        }

        return new CachedResponse
        {
            Key = stored.Key,
            StatusCode = stored.StatusCode,
            Headers = headers.ToArray(),
            Body = stored.Body,
            RequestTime = requestTime,
            ResponseTime = now,
            Date = hasDate ? date : null,
            AgeValue = TimeSpan.Zero,
            FreshnessLifetime = directives.NoCache ? TimeSpan.Zero : lifetime ?? stored.FreshnessLifetime,
            ETag = headers.GetValueOrDefault(HeaderNames.ETag).ToString() is { Length: > 0 } etag ? etag : stored.ETag,
            LastModified = stored.LastModified,
            NoCache = directives.NoCache,
            MustRevalidate = directives.MustRevalidate,
            NoTransform = directives.NoTransform,
            StaleWhileRevalidate = directives.StaleWhileRevalidate,
            StaleIfError = directives.StaleIfError,
            SharedWithAuthorization = stored.SharedWithAuthorization,
            VaryHeaders = stored.VaryHeaders,
            VaryKey = stored.VaryKey,
        };
    }

    private bool IsFreshEnough(CachedResponse stored, CacheDirectives request, DateTimeOffset now)
    {
        if (stored.NoCache || request.NoCache)
        {
            return false;
        }

        var age = stored.CurrentAge(now);
        if (request.MaxAge is { } maxAge && age > maxAge)
        {
            return false;
        }

        var remaining = stored.FreshnessLifetime - age;
        if (request.MinFresh is { } minFresh && remaining < minFresh)
        {
            return false;
        }

        if (remaining > TimeSpan.Zero)
        {
            return true;
        }

        // A client that accepts stale content gets it, unless the origin forbade that.
        return !stored.MustRevalidate && request.MaxStale && (request.MaxStaleLimit is not { } limit || -remaining <= limit);
    }

    private static bool MayServeStaleOnError(CachedResponse stored, CacheDirectives request, DateTimeOffset now)
    {
        if (stored.MustRevalidate)
        {
            return false;
        }

        var staleness = stored.CurrentAge(now) - stored.FreshnessLifetime;
        var allowed = request.StaleIfError ?? stored.StaleIfError;
        return allowed is { } window && staleness <= window;
    }

    // Answers from an entry: 304 when the client's own validators match, else the stored response
    // in the best encoding the client accepts (kept with the entry once made), with its Age.
    private async Task ServeAsync(HttpContext context, CachedResponse entry, RouteResponsePolicy policy, string cacheStatus, DateTimeOffset now)
    {
        var request = context.Request;
        var response = context.Response;
        var coding = policy.Compression && !entry.NoTransform && Compressibility.IsCompressibleType(entry.Header(HeaderNames.ContentType))
            && entry.Header(HeaderNames.ContentEncoding) is null && entry.Body.Length >= Compressibility.MinimumBytes && entry.StatusCode == StatusCodes.Status200OK
                ? AcceptEncoding.Choose(request.Headers.AcceptEncoding)
                : null;

        response.StatusCode = entry.StatusCode;
        foreach (var header in entry.Headers)
        {
            response.Headers[header.Key] = header.Value;
        }

        response.Headers.Age = ((long)entry.CurrentAge(now).TotalSeconds).ToString(CultureInfo.InvariantCulture);
        response.Headers["Cache-Status"] = cacheStatus;
        var etag = entry.ETag;
        if (coding is not null)
        {
            response.Headers.ContentEncoding = coding;
            response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);

            // A strong validator names exact bytes: an encoded body gets a weak one (RFC 9110 §8.8.1).
            if (etag is not null && !etag.StartsWith("W/", StringComparison.Ordinal))
            {
                etag = "W/" + etag;
                response.Headers.ETag = etag;
            }
        }

        if (IsNotModified(request, etag ?? entry.ETag, entry.LastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.Headers.ContentLength = null;
            response.Headers.Remove(HeaderNames.ContentEncoding);
            return;
        }

        var body = coding is null ? entry.Body : EncodedBody(entry, coding);
        response.Headers.ContentLength = body.Length;
        if (!HttpMethods.IsHead(request.Method) && body.Length > 0)
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private byte[] EncodedBody(CachedResponse entry, string coding)
    {
        if (entry.Encoded.TryGetValue(coding, out var encoded))
        {
            return encoded;
        }

        encoded = Compressor.Encode(entry.Body, coding);
        if (entry.Encoded.TryAdd(coding, encoded))
        {
            cache.Grew(entry, encoded.Length);
        }

        return entry.Encoded[coding];
    }

    // RFC 9110 §13.1.2 and §13.2.2: If-None-Match (weak comparison) wins over If-Modified-Since.
    private static bool IsNotModified(HttpRequest request, string? etag, DateTimeOffset? lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            if (etag is null)
            {
                return false;
            }

            var opaque = Opaque(etag);
            return ifNoneMatch.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Any(candidate => candidate == "*" || Opaque(candidate) == opaque);
        }

        return lastModified is { } modified
            && HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
            && modified <= since;
    }

    private static string Opaque(string etag) => etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag;

    private void Invalidate(HttpContext context)
    {
        var request = context.Request;
        cache.PurgeUrl(CacheKeys.For(request, includeQuery: true));
        cache.PurgeUrl(CacheKeys.For(request, includeQuery: false));
        foreach (var name in new[] { HeaderNames.Location, HeaderNames.ContentLocation })
        {
            // Only URLs of the same host: a response must not purge another site's entries (RFC 9111 §4.4).
            if (context.Response.Headers[name].ToString() is { Length: > 0 } location
                && Uri.TryCreate(new Uri($"{request.Scheme}://{request.Host}{request.Path}"), location, out var target)
                && string.Equals(target.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
            {
                cache.PurgeUrl(CacheKeys.For(request.Scheme, request.Host.Value ?? "", target.AbsolutePath, target.Query));
                cache.PurgeUrl(CacheKeys.For(request.Scheme, request.Host.Value ?? "", target.AbsolutePath, null));
            }
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

    // Clears what the origin's answer put on the response, keeping what the appliance's own steps set.
    private static void ResetResponse(HttpContext context)
    {
        var requestId = context.Response.Headers[Metrics.RequestIdFeature.HeaderName];
        context.Response.Headers.Clear();
        if (!StringValues.IsNullOrEmpty(requestId))
        {
            context.Response.Headers[Metrics.RequestIdFeature.HeaderName] = requestId;
        }
    }

    private static bool IsStorableStatus(int status, bool explicitFreshness) =>
        explicitFreshness
            ? status is >= 200 and < 600 and not 206 and not 304
            : status is 200 or 203 or 204 or 300 or 301 or 308 or 404 or 405 or 410 or 414 or 501;

    private static long Ttl(CachedResponse entry, DateTimeOffset now) =>
        Math.Max(0, (long)(entry.FreshnessLifetime - entry.CurrentAge(now)).TotalSeconds);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class CacheStatusHeader(string value)
    {
        public string Value { get; set; } = value;
    }
}
