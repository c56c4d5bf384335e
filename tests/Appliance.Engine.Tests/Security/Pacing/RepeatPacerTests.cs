using System.Net;
using Appliance.Engine.Security.Pacing;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Engine.Tests.Security.Pacing;

/// <summary>
/// The pacer's arithmetic on a fake clock: a client's allowance, refilled evenly (never all at once on
/// a tick), a global budget across clients, only answers sent at once using allowance, the bound on
/// answers waiting, and a wait that ends with the client gone.
/// </summary>
public sealed class RepeatPacerTests
{
    private static readonly IPAddress One = IPAddress.Parse("198.51.100.1");
    private static readonly IPAddress Two = IPAddress.Parse("198.51.100.2");

    [Fact]
    public void A_client_gets_its_allowance_at_once_then_waits_and_the_allowance_refills_one_interval_at_a_time()
    {
        var clock = new FakeTimeProvider();
        var pacer = new RepeatPacer(new PacingSettings(4, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(1), 100), clock);

        Assert.All(Enumerable.Range(0, 4), _ => Assert.True(pacer.PaceAsync(One, default).IsCompleted));
        Assert.False(pacer.PaceAsync(One, default).IsCompleted);
        Assert.True(pacer.PaceAsync(Two, default).IsCompleted);

        // One interval (8 s / 4) gives back one answer, not four.
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(pacer.PaceAsync(One, default).IsCompleted);
        Assert.False(pacer.PaceAsync(One, default).IsCompleted);

        // Answers that waited used no allowance: a client that stops for a whole window has it all back.
        clock.Advance(TimeSpan.FromSeconds(8));
        Assert.All(Enumerable.Range(0, 4), _ => Assert.True(pacer.PaceAsync(One, default).IsCompleted));
        Assert.Equal(2, pacer.Delayed);
    }

    [Fact]
    public async Task A_waiting_answer_is_released_after_half_to_one_and_a_half_delays_and_the_wait_is_counted_while_it_lasts()
    {
        var clock = new FakeTimeProvider();
        var pacer = new RepeatPacer(new PacingSettings(0, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), 100), clock);

        var waits = Enumerable.Range(0, 20).Select(_ => pacer.PaceAsync(One, default)).ToArray();
        Assert.Equal(20, pacer.Waiting);
        clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.DoesNotContain(waits, w => w.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1001));
        await Task.WhenAll(waits).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, pacer.Waiting);
    }

    [Fact]
    public async Task Past_the_bound_on_waiting_answers_go_at_once_and_a_client_that_leaves_ends_its_wait()
    {
        var clock = new FakeTimeProvider();
        var pacer = new RepeatPacer(new PacingSettings(0, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), 2), clock);
        using var gone = new CancellationTokenSource();

        var first = pacer.PaceAsync(One, gone.Token);
        var second = pacer.PaceAsync(One, default);
        Assert.True(pacer.PaceAsync(One, default).IsCompleted);
        Assert.Equal(2, pacer.Waiting);

        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(1, pacer.Waiting);
        Assert.False(second.IsCompleted);
    }

    [Fact]
    public void The_global_budget_holds_many_clients_each_within_its_allowance()
    {
        var clock = new FakeTimeProvider();
        var pacer = new RepeatPacer(new PacingSettings(8, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), 10_000, GlobalPerSecond: 100), clock);

        var atOnce = Enumerable.Range(0, 1000)
            .Select(i => IPAddress.Parse($"198.18.{i / 250}.{i % 250 + 1}"))
            .Count(client => pacer.PaceAsync(client, default).IsCompleted);

        Assert.Equal(100, atOnce);
        clock.Advance(TimeSpan.FromMilliseconds(50));
        Assert.Equal(5, Enumerable.Range(0, 20).Count(i => pacer.PaceAsync(IPAddress.Parse($"203.0.113.{i + 1}"), default).IsCompleted));
    }

    [Fact]
    public void Off_never_delays_and_an_unknown_client_is_never_delayed()
    {
        var pacer = new RepeatPacer(new PacingSettings(0, TimeSpan.FromSeconds(10), TimeSpan.Zero, 10), new FakeTimeProvider());
        Assert.True(pacer.PaceAsync(One, default).IsCompleted);

        var paced = new RepeatPacer(new PacingSettings(0, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), 10), new FakeTimeProvider());
        Assert.True(paced.PaceAsync(null, default).IsCompleted);
    }
}
