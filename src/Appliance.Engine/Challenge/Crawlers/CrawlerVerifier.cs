using System.Collections.Concurrent;
using System.Net;
using Appliance.Data.Networking;

namespace Appliance.Engine.Challenge.Crawlers;

/// <summary>
/// Proves that a client claiming a crawler's User-Agent is that crawler: its address's reverse name
/// is in the crawler's domains and that name resolves forward to the address again (anyone can set
/// a PTR record for their own addresses, nobody else's forward zone). DNS is asked once per address
/// and crawler for an hour (a failure for a quarter of an hour), in a cache of bounded size, and at
/// most a few lookups run at once: a flood of forged User-Agents from random addresses must not turn
/// the proxy into a DNS amplifier or a memory sink. A client that cannot be checked right now gets
/// the challenge page, which a real crawler simply retries later.
/// </summary>
public sealed class CrawlerVerifier(ICrawlerResolver resolver, TimeProvider time)
{
    public const int MaxCachedAnswers = 10_000;

    public const int MaxLookupsAtOnce = 8;

    private static readonly TimeSpan Confirmed = TimeSpan.FromHours(1);
    private static readonly TimeSpan Refused = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<(IPAddress Address, string Crawler), Verification> _answers = new();
    private readonly SemaphoreSlim _lookups = new(MaxLookupsAtOnce, MaxLookupsAtOnce);

    /// <summary>How many answers the cache holds now (for tests of its bound).</summary>
    public int CachedAnswers => _answers.Count;

    /// <summary>True when DNS confirms that <paramref name="address"/> belongs to <paramref name="crawler"/>.</summary>
    internal Task<bool> IsVerifiedAsync(IPAddress address, CompiledCrawler crawler)
    {
        var key = (address, crawler.Name);
        var now = time.GetUtcNow();
        if (_answers.TryGetValue(key, out var known) && !known.IsStale(now))
        {
            return known.Answer;
        }

        if (!_lookups.Wait(0))
        {
            return Task.FromResult(false);
        }

        if (_answers.Count >= MaxCachedAnswers)
        {
            Evict(now);
        }

        var verification = new Verification(LookUpAsync(address, crawler), now);
        _answers[key] = verification;
        return verification.Answer;
    }

    private async Task<bool> LookUpAsync(IPAddress address, CompiledCrawler crawler)
    {
        try
        {
            using var timeout = new CancellationTokenSource(LookupTimeout, time);
            var name = await resolver.ReverseAsync(address, timeout.Token);
            if (name is null || !crawler.Owns(name))
            {
                return false;
            }

            var forward = await resolver.ForwardAsync(name, timeout.Token);
            // Either side may come as ::ffff:a.b.c.d (a dual-stack socket, a resolver's answer).
            var client = ClientAddresses.Normalize(address);
            return forward.Any(a => ClientAddresses.Normalize(a).Equals(client));
        }
        catch (Exception)
        {
            // A timeout or a resolver that fails in any way confirms nothing: the client gets the page.
            return false;
        }
        finally
        {
            _lookups.Release();
        }
    }

    // Stale answers first; when a flood fills the cache with fresh ones, forget them all rather than
    // grow: the cost is a new lookup for the real crawlers, bounded by the lookups gate.
    private void Evict(DateTimeOffset now)
    {
        foreach (var (key, verification) in _answers)
        {
            if (verification.IsStale(now))
            {
                _answers.TryRemove(key, out _);
            }
        }

        if (_answers.Count >= MaxCachedAnswers)
        {
            _answers.Clear();
        }
    }

    private sealed class Verification(Task<bool> answer, DateTimeOffset askedAt)
    {
        public Task<bool> Answer { get; } = answer;

        public bool IsStale(DateTimeOffset now) =>
            Answer.IsCompleted && now - askedAt > (Answer.IsCompletedSuccessfully && Answer.Result ? Confirmed : Refused);
    }
}
