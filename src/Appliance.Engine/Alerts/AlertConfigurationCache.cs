using Appliance.Data.Store;
using Appliance.Engine.Configuration;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.Alerts;

/// <summary>
/// The alert configuration the worker routes by, read again when the live configuration revision
/// moves (or a minute has passed). When the database cannot be read, the last one read keeps
/// serving: an outage must not silence the alerts about it.
/// </summary>
internal sealed partial class AlertConfigurationCache(ConfigStore store, SnapshotStore snapshots, TimeProvider time, ILogger<AlertConfigurationCache> logger)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private AlertConfiguration _current = AlertConfiguration.Empty;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    /// <summary>The last configuration read, without asking the database.</summary>
    public AlertConfiguration Current => Volatile.Read(ref _current);

    public async Task<AlertConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        var revision = snapshots.Current.Revision;
        var current = Current;
        var now = time.GetUtcNow();
        if (revision == current.Revision && now - _readAt < MaxAge)
        {
            return current;
        }

        try
        {
            var channels = await store.AlertChannels.ListAsync(cancellationToken);
            var rules = await store.AlertRules.ListAsync(cancellationToken);
            current = new AlertConfiguration(revision, channels.ToDictionary(c => c.Name, StringComparer.Ordinal), rules);
            Volatile.Write(ref _current, current);
            _readAt = now;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReadFailed(ex.GetType().Name);
        }

        return current;
    }

    [LoggerMessage(EventId = 3203, Level = LogLevel.Debug, Message = "Alert channels and rules could not be read ({Error}); the last ones read are used.")]
    private partial void LogReadFailed(string error);
}
