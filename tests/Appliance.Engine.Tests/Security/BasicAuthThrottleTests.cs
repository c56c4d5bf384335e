using Appliance.Engine.Security.Shield;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Engine.Tests.Security;

public sealed class BasicAuthThrottleTests
{
    private const string Guesser = "198.51.100.1";

    [Fact]
    public void An_address_is_blocked_after_the_limit_of_failures_within_the_window_and_released_after_the_block()
    {
        var clock = new FakeTimeProvider();
        var throttle = new BasicAuthThrottle(new BasicAuthOptions { MaxFailures = 3, FailureWindowSeconds = 60, BlockSeconds = 300 }, clock);

        Assert.True(FailOnce(throttle, Guesser));
        Assert.True(FailOnce(throttle, Guesser));
        Assert.False(throttle.IsBlocked(Guesser, out _));
        Assert.True(FailOnce(throttle, Guesser));

        Assert.True(throttle.IsBlocked(Guesser, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(300), retryAfter);
        Assert.False(FailOnce(throttle, Guesser));
        Assert.False(throttle.IsBlocked("198.51.100.2", out _));
        clock.Advance(TimeSpan.FromSeconds(300));
        Assert.False(throttle.IsBlocked(Guesser, out _));
    }

    [Fact]
    public void Failures_spread_wider_than_the_window_never_add_up_to_a_block()
    {
        var clock = new FakeTimeProvider();
        var throttle = new BasicAuthThrottle(new BasicAuthOptions { MaxFailures = 3, FailureWindowSeconds = 60 }, clock);

        for (var i = 0; i < 10; i++)
        {
            Assert.True(FailOnce(throttle, Guesser));
            clock.Advance(TimeSpan.FromSeconds(31));
        }

        Assert.False(throttle.IsBlocked(Guesser, out _));
    }

    [Fact]
    public void Zero_failures_means_never_throttled()
    {
        var throttle = new BasicAuthThrottle(new BasicAuthOptions { MaxFailures = 0 }, new FakeTimeProvider());

        for (var i = 0; i < 100; i++)
        {
            Assert.True(FailOnce(throttle, Guesser));
        }

        Assert.False(throttle.IsBlocked(Guesser, out _));
        Assert.Equal(0, throttle.Tracked);
    }

    [Fact]
    public void An_attempt_counts_from_its_beginning_and_a_right_one_is_forgiven_and_leaves_nothing_behind()
    {
        var throttle = new BasicAuthThrottle(new BasicAuthOptions { MaxFailures = 2 }, new FakeTimeProvider());

        using (var turn = Turn(throttle, Guesser))
        {
            Assert.True(turn.Begin(out _));
            Assert.Equal(1, throttle.Tracked);
            turn.Forgive();
        }

        Assert.Equal(0, throttle.Tracked);
        Assert.True(FailOnce(throttle, Guesser));
        using (var right = Turn(throttle, Guesser))
        {
            Assert.True(right.Begin(out _));
            right.Forgive();
        }

        // The forgiven attempt does not count towards the block; the next failure does.
        Assert.False(throttle.IsBlocked(Guesser, out _));
        Assert.True(FailOnce(throttle, Guesser));
        Assert.True(throttle.IsBlocked(Guesser, out _));
    }

    [Fact]
    public async Task A_key_has_one_turn_at_a_time_and_other_keys_are_not_held_up()
    {
        var throttle = new BasicAuthThrottle(new BasicAuthOptions(), new FakeTimeProvider());

        var first = Turn(throttle, Guesser);
        Assert.Null(await throttle.TakeTurnAsync(Guesser, TimeSpan.Zero, CancellationToken.None));
        using (var other = await throttle.TakeTurnAsync("198.51.100.2", TimeSpan.Zero, CancellationToken.None))
        {
            Assert.NotNull(other);
        }

        var waiting = throttle.TakeTurnAsync(Guesser, TimeSpan.FromMinutes(1), CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        first.Dispose();
        using var next = await waiting;
        Assert.NotNull(next);
    }

    private static BasicAuthTurn Turn(BasicAuthThrottle throttle, string key) =>
        throttle.TakeTurnAsync(key, TimeSpan.Zero, CancellationToken.None).AsTask().GetAwaiter().GetResult()!;

    // One wrong password from key: false when the key was blocked before its hash.
    private static bool FailOnce(BasicAuthThrottle throttle, string key)
    {
        using var turn = Turn(throttle, key);
        if (!turn.Begin(out _))
        {
            return false;
        }

        turn.Fail();
        return true;
    }
}
