using Appliance.Data.Providers;
using Appliance.Data.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Appliance.Data.Cluster;

/// <summary>
/// Holds one dedicated PostgreSQL connection that LISTENs on <see cref="ClusterNews.Channel"/> and
/// turns each NOTIFY into a wake-up of the configuration refresher or the cluster message reader.
/// When the connection drops it reconnects with backoff; on every (re)connect it wakes both, since
/// whatever was sent while it was not listening is lost. Registered on PostgreSQL only, and idle
/// when <see cref="ClusterOptions.Listens"/> is false.
/// </summary>
internal sealed partial class ClusterNotificationListener(
    DatabaseOptions database,
    ClusterOptions cluster,
    ConfigChangeSignal configuration,
    ClusterMessageSignal messages,
    ILogger<ClusterNotificationListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!cluster.Listens)
        {
            return;
        }

        var retry = FirstRetry;
        var failed = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ListenerConnectionString());
                await connection.OpenAsync(stoppingToken);
                connection.Notification += OnNotification;
                await using (var listen = new NpgsqlCommand($"LISTEN {ClusterNews.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (failed)
                {
                    // The pool's idle connections died with the server: drop them, so the API's next
                    // requests open fresh ones instead of each failing once on a dead one.
                    await using var pooled = new NpgsqlConnection(database.ConnectionString);
                    NpgsqlConnection.ClearPool(pooled);
                    LogListeningAgain();
                }

                failed = false;
                retry = FirstRetry;
                configuration.Notify();
                messages.Notify();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Once per outage, not at every retry: the dashboard and the API say it meanwhile.
                if (!failed)
                {
                    LogListenFailed(ex, retry.TotalSeconds);
                }

                failed = true;
                await Task.Delay(retry, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (e.Payload == ClusterNews.Messages)
        {
            messages.Notify();
        }
        else
        {
            // Configuration, or news from a newer node: a needless revision check is cheap.
            configuration.Notify();
        }
    }

    // Its own connection, outside the pool, kept alive so that a silently dropped link is noticed
    // while waiting rather than at the next NOTIFY that never comes.
    private string ListenerConnectionString()
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false };
        if (builder.KeepAlive == 0)
        {
            builder.KeepAlive = 10;
        }

        return builder.ConnectionString;
    }

    [LoggerMessage(EventId = 1785, Level = LogLevel.Warning, Message = "Listening for other nodes' changes failed; polling covers until it is back (next attempt in {RetrySeconds} s).")]
    private partial void LogListenFailed(Exception exception, double retrySeconds);

    [LoggerMessage(EventId = 1786, Level = LogLevel.Information, Message = "Listening for other nodes' changes again.")]
    private partial void LogListeningAgain();
}
