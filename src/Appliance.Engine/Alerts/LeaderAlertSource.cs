using Microsoft.Extensions.Hosting;

namespace Appliance.Engine.Alerts;

/// <summary>
/// A source of installation-wide events, checked every <see cref="Interval"/> by the node holding
/// the alerts lease only. A look that only learns the current state (a baseline) raises nothing:
/// what was true before was someone else's to report. The node looks once as it starts, before the
/// host reports started, so that a change made right after the start is not mistaken for history;
/// that look counts only if the node took the lease at its first attempt and has held it since.
/// Taking the lease later (from a node that died) starts with a fresh baseline, so a lease changing
/// hands never repeats what the previous holder sent. A check that fails (the database is away) is
/// tried at the next interval.
/// </summary>
internal abstract class LeaderAlertSource(AlertLease lease, TimeProvider time) : BackgroundService
{
    private bool _startBaseline;

    protected abstract TimeSpan Interval { get; }

    protected TimeProvider Time { get; } = time;

    /// <summary>
    /// Looks once; <paramref name="baseline"/> is true for a look that records the current state and
    /// raises nothing, <paramref name="takingOver"/> for the baseline of a lease just taken from
    /// another node (which may have died before it could report what it saw).
    /// </summary>
    protected abstract Task CheckAsync(bool baseline, bool takingOver, CancellationToken cancellationToken);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CheckAsync(baseline: true, takingOver: false, cancellationToken);
            _startBaseline = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database is away at start: the first look as lease holder takes the baseline.
        }

        await base.StartAsync(cancellationToken);
    }

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
                    // The start's look stays good until the first attempt at the lease says whether
                    // another node held it (and sent what this node saw as history).
                    _startBaseline &= !lease.FirstAttemptDone;
                    leading = false;
                    continue;
                }

                var fromStart = _startBaseline && lease.HeldSinceStart;
                _startBaseline = false;

                try
                {
                    var baseline = !leading && !fromStart;
                    await CheckAsync(baseline, takingOver: baseline, stoppingToken);
                    leading = true;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database is away; the next tick looks again, from what was last seen.
                    leading = leading || fromStart;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
