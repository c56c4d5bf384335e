using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Caching;

/// <summary>
/// Refreshes a stale entry in the background (RFC 5861 stale-while-revalidate) while clients get
/// the stale one: one conditional request per entry at a time, to a backend the route may use
/// now, outside any client's request, shaped as the proxy would send it (<see cref="RevalidationRequest"/>).
/// A 304 refreshes the entry; a storable 200 replaces it.
/// </summary>
internal sealed partial class StaleRevalidator(ResponseCache cache, TimeProvider time, ILogger<StaleRevalidator> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);

    public void Start(HttpContext context, CachedResponse stale, CacheRulePlan rule, CacheDirectives requestDirectives, bool hasAuthorization)
    {
        var runKey = stale.Key + "\n\n" + stale.VaryKey;
        if (_running.ContainsKey(runKey) || RevalidationRequest.From(context, stale) is not { } revalidation || !_running.TryAdd(runKey, 0))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await RevalidateAsync(revalidation, stale, rule, requestDirectives, hasAuthorization);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or ObjectDisposedException)
            {
                // ObjectDisposedException: the cluster's client went with a configuration change.
                LogFailed(stale.Key, ex.Message);
            }
            finally
            {
                _running.TryRemove(runKey, out _);
            }
        });
    }

    private async Task RevalidateAsync(RevalidationRequest revalidation, CachedResponse stale, CacheRulePlan rule, CacheDirectives requestDirectives, bool hasAuthorization)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var requestTime = time.GetUtcNow();
        using var response = await revalidation.SendAsync(stale, timeout.Token);
        var headers = new HeaderDictionary();
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = new StringValues(header.Value.ToArray());
        }

        ConnectionFields.Remove(headers, response.Headers);

        var now = time.GetUtcNow();
        if (response.StatusCode == System.Net.HttpStatusCode.NotModified)
        {
            // A 304 about another representation leaves the stale entry unusable, and one that now says private or
            // no-store leaves it unstorable: either way the next request fetches in full (RFC 9111 §4.3.4).
            if (CacheFreshening.Selects(stale, headers) && CacheFreshening.Refusal(headers, rule.Targets) is null)
            {
                cache.Store(CacheFreshening.Freshen(stale, headers, requestTime, now, rule.Targets));
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
        var entry = CacheStoragePolicy.CreateEntry(
            (int)response.StatusCode, headers, revalidation.ClientHeaders, rule, requestDirectives, stale.Key, body, requestTime, now, hasAuthorization, out _);
        if (entry is not null && (int)response.StatusCode < 500)
        {
            cache.Store(entry);
        }
    }

    [LoggerMessage(EventId = 2601, Level = LogLevel.Debug, Message = "Background revalidation of {Key} failed: {Reason}")]
    private partial void LogFailed(string key, string reason);
}
