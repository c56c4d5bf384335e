using System.Collections.Concurrent;
using Appliance.Data.Cluster;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.Tls.Acme;

/// <summary>
/// Finds a challenge answer another node published, for a request this node has no answer for in
/// memory. Anyone can ask for random <c>/.well-known/acme-challenge/…</c> paths or open TLS with
/// <c>acme-tls/1</c>, so the database must not see one query per such request: it is asked only
/// while an order is in flight somewhere (<see cref="AcmeChallengeActivity"/>, read without
/// waiting), only for keys shaped like real ones, with every answer (found or not) remembered for
/// a few seconds, and by at most <see cref="MaxConcurrentQueries"/> requests at a time per node;
/// a request that cannot get a turn quickly gets no answer. A hit is remembered longer than a
/// miss: the CA asks for the same key from several vantage points.
/// </summary>
internal sealed partial class ClusterChallengeLookup(
    AcmeChallengeStore store,
    AcmeChallengeActivity activity,
    AcmeCounters counters,
    TimeProvider time,
    ILogger<ClusterChallengeLookup> logger)
{
    internal const int MaxConcurrentQueries = 4;
    private const int MaxRemembered = 4096;
    private const int LongestKey = 255;
    private static readonly TimeSpan MissRemembered = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan HitRemembered = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestTurnWait = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _turns = new(MaxConcurrentQueries, MaxConcurrentQueries);
    private readonly ConcurrentDictionary<(string Type, string Key), (string? Value, DateTimeOffset Until)> _remembered = new();

    /// <summary>The answer another node published for <paramref name="key"/>, or null.</summary>
    public async ValueTask<string?> FindAsync(string type, string key, CancellationToken cancellationToken)
    {
        if (!activity.InFlight || key.Length is 0 or > LongestKey)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (_remembered.TryGetValue((type, key), out var known) && known.Until > now)
        {
            return known.Value;
        }

        if (!await _turns.WaitAsync(LongestTurnWait, cancellationToken))
        {
            return null;
        }

        try
        {
            counters.ChallengeQueried();
            var value = await store.FindAsync(type, key, cancellationToken);
            Remember(type, key, value, now + (value is null ? MissRemembered : HitRemembered));
            return value;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLookupFailed(type, ex.Message);
            return null;
        }
        finally
        {
            _turns.Release();
        }
    }

    // Bounded by clearing: an attacker's misses must not grow memory, and forgetting costs only a query.
    private void Remember(string type, string key, string? value, DateTimeOffset until)
    {
        if (_remembered.Count >= MaxRemembered)
        {
            _remembered.Clear();
        }

        _remembered[(type, key)] = (value, until);
    }

    [LoggerMessage(EventId = 2521, Level = LogLevel.Debug, Message = "Could not look up a {Type} answer in the database: {Reason}")]
    private partial void LogLookupFailed(string type, string reason);
}
