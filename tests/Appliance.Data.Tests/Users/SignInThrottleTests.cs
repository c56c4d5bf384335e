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

    [Fact]
    public async Task The_owner_gets_in_from_each_of_their_five_last_networks_while_the_name_is_slowed_and_a_sixth_pushes_the_oldest_out()
    {
        Assert.True((await Users.CreateAsync(new NewUser { UserName = "roamer", Password = "correct horse battery", Role = Appliance.Data.Model.ApplianceRoles.Viewer }, Editor.Authorized("test"))).Succeeded);
        var places = Enumerable.Range(1, RecentSignInAddresses.Kept + 1).Select(i => IPAddress.Parse($"192.0.{i}.10")).ToArray();
        foreach (var place in places)
        {
            Assert.Equal(SignInOutcome.Succeeded, (await Users.SignInAsync("roamer", "correct horse battery", place)).Outcome);
        }

        for (var i = 0; i <= SignInThrottle.AccountSlowdownAfter; i++)
        {
            await Users.SignInAsync("roamer", "guess", IPAddress.Parse($"203.0.113.{i + 1}"));
        }

        Assert.Equal(SignInOutcome.LockedOut, (await Users.SignInAsync("roamer", "correct horse battery", IPAddress.Parse("198.51.100.1"))).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await Users.SignInAsync("roamer", "correct horse battery", places[0])).Outcome);
        foreach (var place in places.Skip(1))
        {
            // Another address of the same /24 is the same place.
            var sameNetwork = IPAddress.Parse(place.ToString()[..^2] + "99");
            Assert.Equal(SignInOutcome.Succeeded, (await Users.SignInAsync("roamer", "correct horse battery", sameNetwork)).Outcome);
        }
    }

    [Fact]
    public async Task At_a_known_address_only_the_per_address_lockout_refuses_the_owner_and_only_for_its_fifteen_minutes()
    {
        Assert.True((await Users.CreateAsync(new NewUser { UserName = "homebody", Password = "correct horse battery", Role = Appliance.Data.Model.ApplianceRoles.Viewer }, Editor.Authorized("test"))).Succeeded);
        var home = IPAddress.Parse("192.0.2.44");
        Assert.Equal(SignInOutcome.Succeeded, (await Users.SignInAsync("homebody", "correct horse battery", home)).Outcome);

        // Someone on the owner's own line guesses five times, and a botnet slows the name down.
        for (var i = 0; i < SignInThrottle.MaxFailuresPerAddress; i++)
        {
            await Users.SignInAsync("homebody", "guess", home);
        }

        for (var i = 0; i <= SignInThrottle.AccountSlowdownAfter; i++)
        {
            await Users.SignInAsync("homebody", "guess", IPAddress.Parse($"198.51.100.{i + 1}"));
        }

        Assert.Equal(SignInOutcome.LockedOut, (await Users.SignInAsync("homebody", "correct horse battery", home)).Outcome);
        fixture.Clock.Advance(SignInThrottle.LockoutDuration - TimeSpan.FromSeconds(1));

        // The botnet keeps the name slowed down; the owner's line is free once its fifteen minutes are up.
        await Users.SignInAsync("homebody", "guess", IPAddress.Parse("198.51.100.200"));
        Assert.Equal(SignInOutcome.LockedOut, (await Users.SignInAsync("homebody", "correct horse battery", home)).Outcome);
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(SignInOutcome.LockedOut, (await Users.SignInAsync("homebody", "correct horse battery", IPAddress.Parse("198.51.100.201"))).Outcome);
        Assert.Equal(SignInOutcome.Succeeded, (await Users.SignInAsync("homebody", "correct horse battery", home)).Outcome);
    }
}
