using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Appliance.Data.Counters;

/// <summary>
/// Counters that every node sees alike, kept in Redis by atomic scripts (<see cref="CounterScripts"/>)
/// with an expiry on every key. Every method answers null when it cannot ask Redis (not configured,
/// not connected, failed or slower than <see cref="RedisOptions.TimeoutMilliseconds"/>): the caller
/// then decides on its own local count, so traffic never waits on Redis and never fails for it.
/// After a failure Redis is left alone for <see cref="RedisOptions.RetrySeconds"/>; then one call
/// tries it again while the others still count locally (a circuit breaker).
/// </summary>
public sealed partial class SharedCounters
{
    /// <summary>No Redis: every answer is null, and nothing is ever tried (tests, one node).</summary>
    public static readonly SharedCounters PerNode = new(null, new SharedCounterStatus(TimeProvider.System, configured: false), new RedisOptions(), TimeProvider.System, NullLogger<SharedCounters>.Instance);

    private readonly RedisConnection? _connection;
    private readonly SharedCounterStatus _status;
    private readonly TimeProvider _time;
    private readonly ILogger<SharedCounters> _logger;
    private readonly string _prefix;
    private readonly TimeSpan _timeout;
    private readonly long _retryTicks;
    private long _retryAt;

    public SharedCounters(RedisConnection? connection, SharedCounterStatus status, RedisOptions options, TimeProvider time, ILogger<SharedCounters> logger)
    {
        _connection = options.IsConfigured ? connection : null;
        _status = status;
        _time = time;
        _logger = logger;
        _prefix = options.KeyPrefix;
        _timeout = TimeSpan.FromMilliseconds(options.TimeoutMilliseconds);
        _retryTicks = (long)(options.RetrySeconds * (double)time.TimestampFrequency);
    }

    /// <summary>
    /// Whether Redis is configured at all. False: callers keep to their local counts without a
    /// single Redis call or await on the request path.
    /// </summary>
    public bool IsEnabled => _connection is not null;

    /// <summary>Takes a token from the shared bucket <paramref name="bucket"/>, which refills at <paramref name="tokensPerSecond"/> up to <paramref name="burst"/>.</summary>
    public async ValueTask<TokenTake?> TakeTokenAsync(string bucket, double tokensPerSecond, int burst)
    {
        // Idle long enough to be full again: then the key holds nothing worth keeping.
        var fullAfterMs = (long)Math.Ceiling(burst / tokensPerSecond * 1000) + 1000;
        var result = await EvaluateAsync(CounterScripts.TakeToken, bucket,
            (tokensPerSecond / 1000).ToString("R", CultureInfo.InvariantCulture), burst, fullAfterMs);
        if (result is null)
        {
            return null;
        }

        var answer = (RedisResult[])result!;
        return new TokenTake((long)answer[0] == 1, TimeSpan.FromMilliseconds((long)answer[1]));
    }

    /// <summary>
    /// Counts one more on <paramref name="counter"/> and answers the new count. The key expires
    /// <paramref name="expiry"/> after the first count (<paramref name="sliding"/> false: a fixed
    /// window) or after the last one (true).
    /// </summary>
    public async ValueTask<long?> IncrementAsync(string counter, TimeSpan expiry, bool sliding) =>
        (long?)await EvaluateAsync(CounterScripts.Increment, counter, (long)expiry.TotalMilliseconds, sliding ? 1 : 0);

    /// <summary>Takes one back from <paramref name="counter"/> (never below zero) and answers the new count.</summary>
    public async ValueTask<long?> DecrementAsync(string counter) =>
        (long?)await EvaluateAsync(CounterScripts.Decrement, counter);

    /// <summary>The count on <paramref name="counter"/>, 0 when there is none.</summary>
    public async ValueTask<long?> ReadAsync(string counter) =>
        (long?)await EvaluateAsync(CounterScripts.Read, counter);

    /// <summary>How long the flag <paramref name="flag"/> is still raised; zero when it is not.</summary>
    public async ValueTask<TimeSpan?> TimeLeftAsync(string flag) =>
        await EvaluateAsync(CounterScripts.TimeLeft, flag) is { } ms ? TimeSpan.FromMilliseconds((long)ms) : null;

    /// <summary>Raises <paramref name="flag"/> for <paramref name="duration"/> (a longer one already raised stays); answers the time it has left.</summary>
    public async ValueTask<TimeSpan?> RaiseAsync(string flag, TimeSpan duration) =>
        await EvaluateAsync(CounterScripts.Raise, flag, Math.Max(1, (long)duration.TotalMilliseconds)) is { } ms ? TimeSpan.FromMilliseconds((long)ms) : null;

    /// <summary>Forgets <paramref name="key"/>; null when Redis could not be asked.</summary>
    public async ValueTask<bool?> DeleteAsync(string key) =>
        await EvaluateAsync(CounterScripts.Delete, key) is { } deleted ? (long)deleted > 0 : null;

    private async ValueTask<RedisResult?> EvaluateAsync(string script, string key, params RedisValue[] arguments)
    {
        var database = Enter();
        if (database is null)
        {
            return null;
        }

        try
        {
            var result = await database.ScriptEvaluateAsync(script, [(RedisKey)(_prefix + key)], arguments).WaitAsync(_timeout);
            Succeeded();
            return result;
        }
        catch (Exception ex)
        {
            // Whatever went wrong (lost connection, timeout, a server error), the caller counts locally.
            Failed(ex);
            return null;
        }
    }

    // The database to ask, or null (counted as a fallback) while Redis is disconnected or the circuit
    // is open. When the circuit's time is up, the one caller that moves it on probes Redis.
    private IDatabase? Enter()
    {
        if (_connection is null)
        {
            return null;
        }

        var database = _connection.Database;
        var retryAt = Volatile.Read(ref _retryAt);
        if (database is not null && retryAt != 0)
        {
            var now = _time.GetTimestamp();
            if (now < retryAt || Interlocked.CompareExchange(ref _retryAt, now + _retryTicks, retryAt) != retryAt)
            {
                database = null;
            }
        }

        if (database is null)
        {
            _status.RecordFallback();
        }

        return database;
    }

    private void Succeeded()
    {
        if (Volatile.Read(ref _retryAt) != 0)
        {
            Volatile.Write(ref _retryAt, 0);
        }

        if (_status.MarkUp())
        {
            LogBack();
        }
    }

    private void Failed(Exception ex)
    {
        Volatile.Write(ref _retryAt, _time.GetTimestamp() + _retryTicks);
        _status.RecordFallback();
        if (_status.MarkDown())
        {
            LogFailed(ex is TimeoutException ? "no answer within the timeout" : ex.GetType().Name + ": " + ex.Message);
        }
    }

    [LoggerMessage(EventId = 1455, Level = LogLevel.Warning, Message = "Redis failed ({Reason}): limits and failure counts are per node; Redis is tried again in a few seconds.")]
    private partial void LogFailed(string reason);

    [LoggerMessage(EventId = 1456, Level = LogLevel.Information, Message = "Redis answers again: rate limits and failure counts are shared across nodes.")]
    private partial void LogBack();
}
