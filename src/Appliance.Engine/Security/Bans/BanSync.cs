using Appliance.Data.Bans;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.Security.Bans;

/// <summary>
/// Keeps the ban table tidy and, with Redis, shared: every <see cref="BanOptions.SyncMilliseconds"/>
/// (or at once after a local change) it writes this node's new bans and unbans to Redis, then reads
/// Redis' version token and, when another node changed something, the whole table. While Redis
/// cannot be asked, changes wait in the queue and the node enforces what it has; when Redis
/// answers again they are written, so bans made during the outage reach every node.
/// </summary>
internal sealed partial class BanSync(
    BanTable table,
    BanCounter counter,
    BanChangeQueue changes,
    SharedBanStore shared,
    BanOptions options,
    TimeProvider time,
    ILogger<BanSync> logger) : BackgroundService
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(10);

    private string? _version;
    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = shared.IsEnabled ? TimeSpan.FromMilliseconds(options.SyncMilliseconds) : SweepInterval;
        var lastSweep = time.GetUtcNow();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await changes.WaitAsync(interval, stoppingToken);
                if (shared.IsEnabled)
                {
                    await SyncAsync();
                }

                if (time.GetUtcNow() - lastSweep >= SweepInterval)
                {
                    table.Sweep();
                    counter.Sweep();
                    lastSweep = time.GetUtcNow();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>One round: push what this node changed, then pull what others did.</summary>
    internal async Task SyncAsync()
    {
        // Looked at before pushing too: a push into an emptied Redis would hide that it was emptied.
        if (changes.Count > 0 && await RestoreIfEmptiedAsync() is null)
        {
            Failed();
            return;
        }

        if (!await PushAsync() || await RestoreIfEmptiedAsync() is not { } version)
        {
            Failed();
            return;
        }

        if (version != _version)
        {
            if (await shared.ReadAsync() is not { } read)
            {
                Failed();
                return;
            }

            table.Replace(read.Bans);

            // A change made here while the table was read is not in it yet: put it back until the next push.
            foreach (var change in changes.Pending())
            {
                if (change.Ban is null)
                {
                    table.Remove(change.Key);
                }
                else
                {
                    table.Add(change.Key, change.Ban, change.Replace);
                }
            }

            _version = read.Version;
        }

        if (_failing)
        {
            _failing = false;
            LogBack();
        }
    }

    // No version while bans this node read from Redis are in force: Redis restarted empty (it keeps
    // the version as long as the last ban). This node's bans are written back, so that a restart of
    // Redis lifts nobody's ban. The version Redis holds then, or null when it could not be asked.
    private async Task<string?> RestoreIfEmptiedAsync()
    {
        if (await shared.VersionAsync() is not { } version)
        {
            return null;
        }

        if (version.Length > 0 || _version is not { Length: > 0 } || table.ActiveCount() == 0)
        {
            return version;
        }

        foreach (var ban in table.Active())
        {
            if (BanKey.TryParse(ban.Subject, out var key))
            {
                changes.Enqueue(new BanChange(key, ban, Replace: false));
            }
        }

        LogRestoring();
        return await PushAsync() ? await shared.VersionAsync() : null;
    }

    private async Task<bool> PushAsync()
    {
        while (changes.TryPeek(out var change))
        {
            var written = change.Ban is null
                ? await shared.RemoveAsync(change.Key.ToString())
                : await shared.AddAsync(change.Ban, options.Capacity, change.Replace);
            if (written is null)
            {
                return false;
            }

            changes.TryDequeue();
        }

        return true;
    }

    private void Failed()
    {
        if (!_failing)
        {
            _failing = true;
            LogFailed(changes.Count);
        }
    }

    [LoggerMessage(EventId = 2702, Level = LogLevel.Warning, Message = "Cannot share bans through Redis: this node enforces its own ({Pending} changes wait to be written).")]
    private partial void LogFailed(int pending);

    [LoggerMessage(EventId = 2704, Level = LogLevel.Warning, Message = "Redis has lost the bans (restarted empty?): this node writes back the ones it enforces.")]
    private partial void LogRestoring();

    [LoggerMessage(EventId = 2703, Level = LogLevel.Information, Message = "Bans are shared through Redis again.")]
    private partial void LogBack();
}
