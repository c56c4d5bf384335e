using Appliance.Web.Components.Shared;
using Appliance.Web.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Appliance.Web.Tests.Components.Shared;

public sealed class LiveRefreshTests : BunitContext
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly LogCapture _logs = new();

    public LiveRefreshTests() => Services.AddSingleton<ILogger<LiveRefresh>>(new Logger<LiveRefresh>(new LoggerFactory([_logs])));

    [Fact]
    public async Task Ticks_until_the_page_goes_away_and_not_after()
    {
        var ticks = 0;
        Render<LiveRefresh>(p => p.Add(r => r.Interval, Interval).Add(r => r.OnTick, () => Interlocked.Increment(ref ticks)));

        await Eventually.TrueAsync(() => Volatile.Read(ref ticks) >= 3, Patience, "three ticks");
        await DisposeComponentsAsync();
        var atClose = Volatile.Read(ref ticks);
        await Task.Delay(Interval * 10);

        Assert.Equal(atClose, Volatile.Read(ref ticks));
    }

    [Fact]
    public async Task A_tick_starts_only_once_the_one_before_has_finished()
    {
        var (ticks, running, most) = (0, 0, 0);
        async Task SlowTickAsync()
        {
            most = Math.Max(most, Interlocked.Increment(ref running));
            await Task.Delay(Interval * 4);
            Interlocked.Decrement(ref running);
            Interlocked.Increment(ref ticks);
        }

        Render<LiveRefresh>(p => p.Add(r => r.Interval, Interval).Add(r => r.OnTick, SlowTickAsync));

        await Eventually.TrueAsync(() => Volatile.Read(ref ticks) >= 4, Patience, "four slow ticks");
        Assert.Equal(1, most);
    }

    [Fact]
    public async Task A_failing_tick_is_logged_and_the_next_one_runs()
    {
        var ticks = 0;
        void FailingFirst()
        {
            if (Interlocked.Increment(ref ticks) == 1)
            {
                throw new InvalidOperationException("the health reader is away");
            }
        }

        Render<LiveRefresh>(p => p.Add(r => r.Interval, Interval).Add(r => r.OnTick, FailingFirst));

        await Eventually.TrueAsync(() => Volatile.Read(ref ticks) >= 3, Patience, "ticks after the failing one");
        var failure = Assert.Single(_logs.Entries, e => e.EventId.Id == 1250);
        Assert.Equal(LogLevel.Warning, failure.Level);
        Assert.Equal("the health reader is away", failure.Exception?.Message);
    }

    [Fact]
    public async Task A_prerendered_page_never_polls()
    {
        var ticks = 0;
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(LiveRefresh.Interval)] = Interval,
            [nameof(LiveRefresh.OnTick)] = EventCallback.Factory.Create(this, () => Interlocked.Increment(ref ticks)),
        });

        await renderer.Dispatcher.InvokeAsync(() => renderer.RenderComponentAsync<LiveRefresh>(parameters));
        await Task.Delay(Interval * 10);

        Assert.Equal(0, Volatile.Read(ref ticks));
    }
}
