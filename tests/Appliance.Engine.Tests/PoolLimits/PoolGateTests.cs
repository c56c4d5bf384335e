using Appliance.Data.Model;
using Appliance.Engine.PoolLimits;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Appliance.Engine.Tests.PoolLimits;

public sealed class PoolGateTests
{
    private static readonly PoolLimit TwoAndTwo = new(2, 2, TimeSpan.FromSeconds(5));
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task The_cap_holds_the_queue_fills_first_in_first_out_and_the_overflow_is_refused_at_once()
    {
        var gate = new PoolGate(TwoAndTwo, 1, _time);
        Assert.Equal(PoolGateOutcome.Entered, await gate.EnterAsync(CancellationToken.None));
        Assert.Equal(PoolGateOutcome.Entered, await gate.EnterAsync(CancellationToken.None));

        var third = gate.EnterAsync(CancellationToken.None).AsTask();
        var fourth = gate.EnterAsync(CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);
        Assert.False(fourth.IsCompleted);
        Assert.Equal(2, gate.Queued);

        var fifth = gate.EnterAsync(CancellationToken.None);
        Assert.True(fifth.IsCompleted);
        Assert.Equal(PoolGateOutcome.QueueFull, await fifth);

        gate.Exit();
        Assert.Equal(PoolGateOutcome.Entered, await third);
        Assert.False(fourth.IsCompleted);
        Assert.Equal(2, gate.Active);

        gate.Exit();
        Assert.Equal(PoolGateOutcome.Entered, await fourth);
        gate.Exit();
        gate.Exit();
        Assert.Equal(0, gate.Active);
        Assert.Equal(0, gate.Queued);
    }

    [Fact]
    public async Task A_request_that_waits_the_whole_timeout_is_refused_and_leaves_the_queue()
    {
        var gate = new PoolGate(new PoolLimit(1, 5, TimeSpan.FromSeconds(3)), 1, _time);
        await gate.EnterAsync(CancellationToken.None);
        var waiting = gate.EnterAsync(CancellationToken.None).AsTask();

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(PoolGateOutcome.QueueTimeout, await waiting);
        Assert.Equal(0, gate.Queued);
        gate.Exit();
        Assert.Equal(0, gate.Active);
    }

    [Fact]
    public async Task A_client_that_goes_away_leaves_the_queue_and_the_next_slot_goes_to_the_one_behind_it()
    {
        var gate = new PoolGate(TwoAndTwo with { MaxConcurrentRequests = 1 }, 1, _time);
        await gate.EnterAsync(CancellationToken.None);
        using var gone = new CancellationTokenSource();
        var leaving = gate.EnterAsync(gone.Token).AsTask();
        var staying = gate.EnterAsync(CancellationToken.None).AsTask();

        await gone.CancelAsync();
        Assert.Equal(PoolGateOutcome.ClientGone, await leaving);
        Assert.Equal(1, gate.Queued);

        gate.Exit();
        Assert.Equal(PoolGateOutcome.Entered, await staying);
        Assert.Equal(1, gate.Active);
    }

    [Fact]
    public async Task Without_a_queue_the_request_beyond_the_cap_is_refused_at_once()
    {
        var gate = new PoolGate(new PoolLimit(1, 0, TimeSpan.Zero), 1, _time);
        await gate.EnterAsync(CancellationToken.None);

        Assert.Equal(PoolGateOutcome.QueueFull, await gate.EnterAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_newer_revision_with_the_same_limits_keeps_the_count_and_a_higher_cap_lets_waiters_in()
    {
        var gate = new PoolGate(TwoAndTwo with { MaxConcurrentRequests = 1 }, 1, _time);
        await gate.EnterAsync(CancellationToken.None);
        var waiting = gate.EnterAsync(CancellationToken.None).AsTask();

        gate.Apply(TwoAndTwo with { MaxConcurrentRequests = 1 }, 2);
        Assert.Equal(1, gate.Active);
        Assert.False(waiting.IsCompleted);

        gate.Apply(TwoAndTwo, 3);
        Assert.Equal(PoolGateOutcome.Entered, await waiting);
        Assert.Equal(2, gate.Active);
    }

    [Fact]
    public async Task A_lowered_cap_counts_the_requests_in_flight_and_an_older_revision_cannot_undo_it()
    {
        var gate = new PoolGate(new PoolLimit(3, 5, TimeSpan.FromSeconds(5)), 1, _time);
        for (var i = 0; i < 3; i++)
        {
            await gate.EnterAsync(CancellationToken.None);
        }

        gate.Apply(new PoolLimit(1, 5, TimeSpan.FromSeconds(5)), 2);
        gate.Apply(new PoolLimit(3, 5, TimeSpan.FromSeconds(5)), 1);
        Assert.Equal(1, gate.Limit.MaxConcurrentRequests);

        var waiting = gate.EnterAsync(CancellationToken.None).AsTask();
        gate.Exit();
        gate.Exit();
        Assert.False(waiting.IsCompleted);
        gate.Exit();
        Assert.Equal(PoolGateOutcome.Entered, await waiting);
        Assert.Equal(1, gate.Active);
    }

    [Fact]
    public void Only_capped_pools_are_compiled_and_a_pool_without_a_queue_has_length_zero()
    {
        var document = new ConfigDocument
        {
            Pools =
            [
                new PoolSpec { Name = "free" },
                new PoolSpec { Name = "bare", MaxConcurrentRequests = 4 },
                new PoolSpec { Name = "queued", MaxConcurrentRequests = 8, Queue = new PoolQueueSpec { Length = 50, TimeoutSeconds = 7 } },
            ],
            Routes = [],
        };

        var set = PoolLimitsCompiler.Build(document);

        Assert.Null(set.For("free"));
        Assert.Equal(new PoolLimit(4, 0, TimeSpan.Zero), set.For("bare"));
        Assert.Equal(new PoolLimit(8, 50, TimeSpan.FromSeconds(7)), set.For("queued"));
        Assert.Equal("7", set.For("queued")!.RetryAfter);
    }
}
