using Appliance.Data.Counters;

namespace Appliance.Engine.Security.Shield;

/// <summary>
/// Wrong basic-auth credentials counted across nodes (Redis, <see cref="SharedCounters"/>) with the
/// same limit, window and block as <see cref="BasicAuthThrottle"/>, which still counts on each node
/// and decides alone while Redis cannot answer. A count is a key that expires with its window; a
/// block is a key that expires with the block. Every answer is null when Redis could not be asked.
/// </summary>
internal sealed class SharedBasicAuthFailures(SharedCounters shared, BasicAuthOptions options)
{
    private readonly TimeSpan _window = TimeSpan.FromSeconds(options.FailureWindowSeconds);
    private readonly TimeSpan _block = TimeSpan.FromSeconds(options.BlockSeconds);

    /// <summary>Redis is configured: the calls below are worth making.</summary>
    public bool IsEnabled => shared.IsEnabled && options.MaxFailures > 0;

    /// <summary>
    /// Counts an attempt before its hash is paid, unless another node blocked the key: then the
    /// block's time left, and nothing is counted. Zero when counted.
    /// </summary>
    public async ValueTask<TimeSpan?> BeginAsync(string clientKey)
    {
        var blocked = await shared.TimeLeftAsync(BlockKey(clientKey));
        if (blocked is not { } left || left > TimeSpan.Zero)
        {
            return blocked;
        }

        return await shared.IncrementAsync(CountKey(clientKey), _window, sliding: false) is null ? null : TimeSpan.Zero;
    }

    /// <summary>The attempt was wrong: at the limit every node blocks the key. The block's time when it now holds, else zero.</summary>
    public async ValueTask<TimeSpan?> FailAsync(string clientKey)
    {
        var failures = await shared.ReadAsync(CountKey(clientKey));
        if (failures is not { } count || count < options.MaxFailures)
        {
            return failures is null ? null : TimeSpan.Zero;
        }

        await shared.DeleteAsync(CountKey(clientKey));
        return await shared.RaiseAsync(BlockKey(clientKey), _block);
    }

    /// <summary>The attempt was right: it no longer counts.</summary>
    public async ValueTask ForgiveAsync(string clientKey) => await shared.DecrementAsync(CountKey(clientKey));

    private static string CountKey(string clientKey) => "basic-auth:failures:" + clientKey;

    private static string BlockKey(string clientKey) => "basic-auth:blocked:" + clientKey;
}
