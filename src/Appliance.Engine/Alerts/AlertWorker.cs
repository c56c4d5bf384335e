using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.Alerts;

/// <summary>
/// Turns raised events into deliveries, in the background: each event goes through the rules that
/// send it and the grouper; once a second the grouping windows that ended send their summaries;
/// deliveries run a few at a time with their retries, from a bounded queue (a notification that
/// does not fit is dropped and counted). Nothing here is awaited by anyone who raised an event.
/// </summary>
internal sealed partial class AlertWorker(
    AlertQueue queue,
    AlertConfigurationCache configuration,
    AlertGrouper grouper,
    AlertDelivery delivery,
    AlertWorkerCounters counters,
    TimeProvider time,
    ILogger<AlertWorker> logger) : BackgroundService
{
    private const int DeliverySlots = 4;
    private const int DeliveryQueueCapacity = 1000;
    private static readonly TimeSpan TickInterval = TimeSpan.FromSeconds(1);

    private readonly Channel<AlertDeliveryJob> _deliveries = Channel.CreateBounded<AlertDeliveryJob>(
        new BoundedChannelOptions(DeliveryQueueCapacity) { FullMode = BoundedChannelFullMode.Wait });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, DeliverySlots).Select(_ => DeliverAsync(stoppingToken)).ToArray();
        try
        {
            await Task.WhenAll(RouteEventsAsync(stoppingToken), SendSummariesAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            _deliveries.Writer.TryComplete();
            await Task.WhenAll(workers);
        }
    }

    private async Task RouteEventsAsync(CancellationToken stoppingToken)
    {
        await foreach (var alert in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var current = await configuration.GetAsync(stoppingToken);
                foreach (var rule in current.RulesFor(alert))
                {
                    if (grouper.Offer(rule, alert, time.GetUtcNow()) is { } notification)
                    {
                        Dispatch(notification, current);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One event that cannot be routed must not stop the alerts that follow it.
                LogRoutingFailed(alert.Kind, ex);
            }
        }
    }

    private async Task SendSummariesAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TickInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var current = configuration.Current;
            var windows = current.Rules.Where(r => r.Enabled && r.GroupMinutes > 0).ToDictionary(r => r.Name, r => TimeSpan.FromMinutes(r.GroupMinutes), StringComparer.Ordinal);
            foreach (var summary in grouper.Due(time.GetUtcNow(), rule => windows.TryGetValue(rule, out var window) ? window : null))
            {
                Dispatch(summary, current);
            }
        }
    }

    private void Dispatch(AlertNotification notification, AlertConfiguration current)
    {
        foreach (var name in notification.Channels)
        {
            if (current.Channels.TryGetValue(name, out var channel) && !_deliveries.Writer.TryWrite(new AlertDeliveryJob(channel, notification)))
            {
                counters.AddDeliveryDropped();
                LogDeliveryDropped(name, notification.Latest.Kind);
            }
        }
    }

    private async Task DeliverAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in _deliveries.Reader.ReadAllAsync(stoppingToken))
            {
                await delivery.DeliverAsync(job.Channel, job.Notification, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 3206, Level = LogLevel.Error, Message = "A {Event} alert could not be routed; the alerts after it are.")]
    private partial void LogRoutingFailed(string @event, Exception exception);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Alert channel {Channel}: a {Event} notification was dropped, the delivery queue is full (a channel is slow or down).")]
    private partial void LogDeliveryDropped(string channel, string @event);
}
