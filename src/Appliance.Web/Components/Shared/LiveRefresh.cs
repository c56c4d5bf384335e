using Microsoft.AspNetCore.Components;

namespace Appliance.Web.Components.Shared;

/// <summary>
/// Keeps a live page up to date: <c>&lt;LiveRefresh Interval="…" OnTick="Read" /&gt;</c> calls the
/// page's <see cref="OnTick"/> every <see cref="Interval"/>, on the page's dispatcher as an event
/// would be, and the page renders again after each call. The one polling loop of the admin site:
/// <list type="bullet">
/// <item>it starts after the first interactive render, so a prerendered page, which nobody watches, never polls;</item>
/// <item>a tick starts only once the one before has finished, however long that took;</item>
/// <item>it stops when the page goes away (the component is disposed with it);</item>
/// <item>a tick that fails is logged, and the next one runs as usual.</item>
/// </list>
/// It renders nothing.
/// </summary>
public sealed partial class LiveRefresh : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Time between the end of one wait and the next tick; read once, when polling starts.</summary>
    [Parameter, EditorRequired]
    public TimeSpan Interval { get; set; }

    /// <summary>What to do on each tick: read the page's figures again.</summary>
    [Parameter, EditorRequired]
    public EventCallback OnTick { get; set; }

    [Inject]
    private ILogger<LiveRefresh> Logger { get; set; } = default!;

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    // Checked while rendering, where a mistake shows; the loop's own task is watched by nobody.
    protected override void OnParametersSet() => ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Interval, TimeSpan.Zero, nameof(Interval));

    // A prerendered component calls no OnAfterRender: only a live circuit gets here.
    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _ = PollAsync(Interval, _stop.Token);
        }
    }

    // Nothing to show: the page around it renders after each tick through the event callback.
    protected override bool ShouldRender() => false;

    private async Task PollAsync(TimeSpan interval, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                await TickAsync(interval, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The page went away; so does its loop.
        }
    }

    // Nothing may escape: the loop's task is not awaited by anyone, so an exception would vanish with it.
    private async Task TickAsync(TimeSpan interval, CancellationToken stop)
    {
        try
        {
            // Checked on the dispatcher, where disposal runs too: a tick that was already waiting for
            // it when the page closed does nothing.
            await InvokeAsync(() => stop.IsCancellationRequested ? Task.CompletedTask : OnTick.InvokeAsync());
        }
        catch (Exception exception) when (stop.IsCancellationRequested)
        {
            LogTickEndedByClose(Logger, exception);
        }
        catch (Exception exception)
        {
            LogTickFailed(Logger, exception, interval.TotalSeconds);
        }
    }

    [LoggerMessage(EventId = 1250, Level = LogLevel.Warning, Message = "A live page's refresh failed; it tries again in {IntervalSeconds} s.")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, double intervalSeconds);

    [LoggerMessage(EventId = 1251, Level = LogLevel.Debug, Message = "A live page's refresh failed while the page was closing.")]
    private static partial void LogTickEndedByClose(ILogger logger, Exception exception);
}
