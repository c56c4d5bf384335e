using System.Net;
using Appliance.Data.Model;
using Appliance.Data.Validation;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Security.Shield;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Engine.Tests.Security;

public sealed class BasicAuthThrottleTests
{
    private static readonly IPAddress Guesser = IPAddress.Parse("198.51.100.1");

    [Fact]
    public void An_address_is_blocked_after_the_limit_of_failures_within_the_window_and_released_after_the_block()
    {
        var clock = new FakeTimeProvider();
        var throttle = new BasicAuthThrottle(new BasicAuthOptions { MaxFailures = 3, FailureWindowSeconds = 60, BlockSeconds = 300 }, clock);

        Assert.False(throttle.RecordFailure(Guesser));
        Assert.False(throttle.RecordFailure(Guesser));
        Assert.False(throttle.IsBlocked(Guesser, out _));
        Assert.True(throttle.RecordFailure(Guesser));

        Assert.True(throttle.IsBlocked(Guesser, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(300), retryAfter);
        Assert.False(throttle.IsBlocked(IPAddress.Parse("198.51.100.2"), out _));
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
            Assert.False(throttle.RecordFailure(Guesser));
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
            Assert.False(throttle.RecordFailure(Guesser));
        }

        Assert.False(throttle.IsBlocked(Guesser, out _));
        Assert.Equal(0, throttle.Tracked);
    }

    [Fact]
    public void No_more_password_hashes_run_at_once_than_the_bound_allows()
    {
        var options = new ProxyOptions { BasicAuth = new BasicAuthOptions { MaxConcurrentVerifications = 1, MaxFailures = 0 } };
        var verifier = new BasicAuthVerifier(TimeProvider.System, options);
        var list = new CompiledAccessList(new AccessListSpec
        {
            Name = "staff",
            BasicAuthUsers = [new BasicAuthUserSpec { User = "ops", PasswordHash = Appliance.Data.Passwords.PasswordHashes.Hash("correct horse battery") }],
        });

        // Dedicated threads released together, so that the guesses truly overlap.
        using var start = new ManualResetEventSlim();
        var outcomes = new BasicAuthOutcome[6];
        var threads = Enumerable.Range(0, outcomes.Length).Select(i => new Thread(() =>
        {
            var request = new DefaultHttpContext().Request;
            request.Headers.Authorization = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"ops:wrong guess {i}"));
            start.Wait();
            outcomes[i] = verifier.VerifyAsync(request, list, IPAddress.Parse($"198.51.100.{i + 10}"), CancellationToken.None).AsTask().GetAwaiter().GetResult().Outcome;
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        start.Set();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        Assert.All(outcomes, o => Assert.True(o is BasicAuthOutcome.Refused or BasicAuthOutcome.Busy));
        Assert.Equal(1, verifier.PeakVerifications);
        Assert.Equal(0, verifier.RunningVerifications);
    }
}
