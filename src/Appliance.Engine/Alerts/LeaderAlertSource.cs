using Microsoft.Extensions.Hosting;

namespace Appliance.Engine.Alerts;

/// <summary>
/// A source of installation-wide events, checked every <see cref="Interval"/> by the node holding
/// the alerts lease only. The first check after taking the lease only learns the current state
/// (what was true before was the previous holder's to report), so a lease changing hands does not
/// repeat what was sent; a check that fails (the database is away) is tried at the next interval.
/// </summary>
internal abstract class LeaderAlertSource(AlertLease lease, TimeProvider time) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected TimeProvider Time { get; } = time;

    /// <summary>Looks once; <paramref name="baseline"/> is true for the first look since the lease was taken, which raises nothing.</summary>
    protected abstract Task CheckAsync(bool baseline, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Time);
        var leading = false;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!lease.IsHeld)
                {
                    leading = false;
                    continue;
                }

                try
                {
                    await CheckAsync(baseline: !leading, stoppingToken);
                    leading = true;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database is away; the next tick looks again, from what was last seen.
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
