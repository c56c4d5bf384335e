using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy;

namespace Appliance.Engine.Caching;

/// <summary>
/// Refreshes a stale entry in the background (RFC 5861 stale-while-revalidate) while clients get
/// the stale one: one conditional request per entry at a time, to a backend the route may use
/// now, outside any client's request. A 304 refreshes the entry; a storable 200 replaces it.
/// </summary>
internal sealed partial class StaleRevalidator(ResponseCache cache, TimeProvider time, ILogger<StaleRevalidator> logger) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly HttpMessageInvoker _http = new(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
    });

    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);

    public void Start(HttpContext context, CachedResponse stale, CacheRulePlan rule, CacheDirectives requestDirectives, bool hasAuthorization)
    {
        var destination = context.GetReverseProxyFeature().AvailableDestinations.FirstOrDefault();
        var runKey = stale.Key + "\n\n" + stale.VaryKey;
        if (destination is null || !_running.TryAdd(runKey, 0))
        {
            return;
        }

        // Everything the background request needs is copied now: the client's request ends first.
        var request = context.Request;
        var target = new Uri(destination.Model.Config.Address.TrimEnd('/') + Routing.CanonicalPath.ForwardOf(request) + request.QueryString, UriKind.Absolute);
        var requestHeaders = new HeaderDictionary();
        foreach (var name in stale.VaryHeaders.Append(HeaderNames.Host).Append(HeaderNames.Accept))
        {
            if (request.Headers.TryGetValue(name, out var value))
            {
                requestHeaders[name] = value;
            }
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await RevalidateAsync(target, requestHeaders, stale, rule, requestDirectives, hasAuthorization);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                LogFailed(stale.Key, ex.Message);
            }
            finally
            {
                _running.TryRemove(runKey, out _);
            }
        });
    }

    public void Dispose() => _http.Dispose();

    private async Task RevalidateAsync(Uri target, HeaderDictionary requestHeaders, CachedResponse stale, CacheRulePlan rule, CacheDirectives requestDirectives, bool hasAuthorization)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, target);
        foreach (var header in requestHeaders)
        {
            if (header.Key.Equals(HeaderNames.Host, StringComparison.OrdinalIgnoreCase))
            {
                message.Headers.Host = header.Value.ToString();
            }
            else
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        var (ifNoneMatch, ifModifiedSince) = ConditionalRequests.ValidatorsFor(stale);
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            message.Headers.TryAddWithoutValidation(HeaderNames.IfNoneMatch, ifNoneMatch.ToString());
        }

        if (!StringValues.IsNullOrEmpty(ifModifiedSince))
        {
            message.Headers.TryAddWithoutValidation(HeaderNames.IfModifiedSince, ifModifiedSince.ToString());
        }

        using var timeout = new CancellationTokenSource(Timeout);
        var requestTime = time.GetUtcNow();
        using var response = await _http.SendAsync(message, timeout.Token);
        var headers = new HeaderDictionary();
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = new StringValues(header.Value.ToArray());
        }

        var now = time.GetUtcNow();
        if (response.StatusCode == System.Net.HttpStatusCode.NotModified)
        {
            // A 304 about another representation leaves the stale entry unusable, and one that now says private or
            // no-store leaves it unstorable: either way the next request fetches in full (RFC 9111 §4.3.4).
            if (CacheFreshening.Selects(stale, headers) && CacheFreshening.Refusal(headers) is null)
            {
                cache.Store(CacheFreshening.Freshen(stale, headers, requestTime, now));
            }
            else
            {
                cache.Remove(stale);
            }

            return;
        }

        if (response.Content.Headers.ContentLength > rule.MaxObjectBytes)
        {
            return;
        }

        var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        var entry = CacheStoragePolicy.CreateEntry((int)response.StatusCode, headers, requestHeaders, rule, requestDirectives, stale.Key, body, requestTime, now, hasAuthorization, out _);
        if (entry is not null && (int)response.StatusCode < 500)
        {
            cache.Store(entry);
        }
    }

    [LoggerMessage(EventId = 2601, Level = LogLevel.Debug, Message = "Background revalidation of {Key} failed: {Reason}")]
    private partial void LogFailed(string key, string reason);
}
