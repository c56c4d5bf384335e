using System.Net;
using Appliance.Data.Tests.Store;
using Appliance.Data.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Users;

public sealed class SignInThrottleTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private UserStore Users => fixture.Services.GetRequiredService<UserStore>();

    private SignInThrottle Throttle => fixture.Services.GetRequiredService<SignInThrottle>();

    [Fact]
    public async Task An_ipv6_client_is_one_address_per_64_bit_prefix()
    {
        // Anyone with a /64 has 2^64 addresses to rotate through.
        for (var i = 1; i <= SignInThrottle.MaxFailuresPerAddress; i++)
        {
            await Users.SignInAsync("ivy", "guess", IPAddress.Parse($"2001:db8:1:2::{i:x}"));
        }

        Assert.Equal(SignInOutcome.LockedOut, (await Users.SignInAsync("ivy", "guess", IPAddress.Parse("2001:db8:1:2:ffff::1"))).Outcome);
        Assert.Equal(SignInOutcome.Failed, (await Users.SignInAsync("ivy", "guess", IPAddress.Parse("2001:db8:1:3::1"))).Outcome);
    }

    [Fact]
    public async Task An_ipv4_client_is_the_same_address_whether_mapped_to_ipv6_or_not()
    {
        for (var i = 1; i <= SignInThrottle.MaxFailuresPerAddress; i++)
        {
            await Users.SignInAsync("jack", "guess", IPAddress.Parse("198.51.100.9").MapToIPv6());
        }

        Assert.Equal(SignInOutcome.LockedOut, (await Users.SignInAsync("jack", "guess", IPAddress.Parse("198.51.100.9"))).Outcome);
    }

    [Fact]
    public async Task Tracking_is_bounded_and_keeps_the_most_recent_failures()
    {
        for (var i = 1; i <= SignInThrottle.MaxFailuresPerAddress; i++)
        {
            await Users.SignInAsync("kate", "guess", IPAddress.Parse("198.51.100.50"));
        }

        Assert.True(Throttle.RecentFailures("kate") >= SignInThrottle.MaxFailuresPerAddress);
        for (var i = 0; i < SignInThrottle.MaxTracked + 10; i++)
        {
            // A spray of names from many addresses, each failing once.
            Throttle.Fail(Throttle.Begin($"spray-{i}", IPAddress.Parse($"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}"), fromKnownAddress: false));
        }

        Assert.True(Throttle.TrackedCount <= 2 * SignInThrottle.MaxTracked);
        Assert.Equal(SignInOutcome.LockedOut, (await Users.SignInAsync("kate", "guess", IPAddress.Parse("198.51.100.50"))).Outcome);
    }

    [Fact]
    public void A_slowed_down_name_outlives_a_spray_of_names_that_each_failed_as_often_as_an_address_may()
    {
        var throttle = new SignInThrottle(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch), Microsoft.Extensions.Logging.Abstractions.NullLogger<SignInThrottle>.Instance);
        for (var i = 0; i <= SignInThrottle.AccountSlowdownAfter; i++)
        {
            throttle.Fail(throttle.Begin("victim", IPAddress.Parse($"192.0.2.{i + 1}"), fromKnownAddress: false));
        }

        Assert.False(throttle.Begin("victim", IPAddress.Parse("198.51.100.1"), fromKnownAddress: false).Allowed);

        // Five failures lock a name-and-address pair, but a name only slows down after twenty: these
        // names refuse nothing, so memory running out must forget them before the one that does.
        for (var i = 0; i < SignInThrottle.MaxTracked; i++)
        {
            var address = IPAddress.Parse($"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}");
            for (var attempt = 0; attempt < SignInThrottle.MaxFailuresPerAddress; attempt++)
            {
                throttle.Fail(throttle.Begin($"spray-{i}", address, fromKnownAddress: false));
            }
        }

        Assert.False(throttle.Begin("victim", IPAddress.Parse("198.51.100.2"), fromKnownAddress: false).Allowed);
    }
}
