using System.Net;
using Appliance.Data.Users;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Cluster;

/// <summary>
/// Two nodes sharing one Redis: limits and failure counts hold across them, and while Redis is
/// gone traffic goes on with each node's own limits until Redis is back.
/// </summary>
public sealed class SharedRateLimitTests(RedisNodes nodes) : IClassFixture<RedisNodes>
{
    [Fact]
    public async Task A_rate_limit_of_5_per_minute_is_enforced_across_two_nodes()
    {
        await nodes.WaitForRedisAsync(up: true);
        var both = new[] { nodes.A, nodes.B };
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await both[i % 2].StatusFromAsync("five-a-minute.test", "198.51.100.5"));
        }

        // The sixth is refused whichever node gets it; another client still has its own bucket.
        Assert.Equal(HttpStatusCode.TooManyRequests, await nodes.B.StatusFromAsync("five-a-minute.test", "198.51.100.5"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await nodes.A.StatusFromAsync("five-a-minute.test", "198.51.100.5"));
        Assert.Equal(HttpStatusCode.OK, await nodes.A.StatusFromAsync("five-a-minute.test", "198.51.100.6"));
    }

    [Fact]
    public async Task Redis_stopped_traffic_continues_limits_fall_back_to_per_node_and_Redis_returns_by_itself()
    {
        await nodes.WaitForRedisAsync(up: true);
        Assert.Contains("appliance_redis_up 1", await nodes.A.MetricsAsync());

        await nodes.Redis.StopAsync();
        try
        {
            await nodes.WaitForRedisAsync(up: false);

            // Each node now has its own five: ten requests pass where Redis allowed five, and no request failed.
            foreach (var node in new[] { nodes.A, nodes.B })
            {
                for (var i = 0; i < 5; i++)
                {
                    Assert.Equal(HttpStatusCode.OK, await node.StatusFromAsync("fallback.test", "198.51.100.7"));
                }

                Assert.Equal(HttpStatusCode.TooManyRequests, await node.StatusFromAsync("fallback.test", "198.51.100.7"));
            }

            var metrics = await nodes.A.MetricsAsync();
            Assert.Contains("appliance_redis_up 0", metrics);
            Assert.Matches("appliance_redis_fallbacks_total [1-9]", metrics);
        }
        finally
        {
            await nodes.Redis.StartAsync();
        }

        // Back by itself: a fresh client is counted across nodes again.
        await nodes.WaitForRedisAsync(up: true);
        Assert.Contains("appliance_redis_up 1", await nodes.B.MetricsAsync());
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await (i % 2 == 0 ? nodes.A : nodes.B).StatusFromAsync("fallback.test", "198.51.100.8"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await nodes.B.StatusFromAsync("fallback.test", "198.51.100.8"));
    }

    [Fact]
    public async Task Wrong_basic_auth_guesses_on_two_nodes_add_up_to_one_block()
    {
        await nodes.WaitForRedisAsync(up: true);
        for (var i = 0; i < RedisNodes.BasicAuthMaxFailures; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await (i % 2 == 0 ? nodes.A : nodes.B).StatusFromAsync("staff.test", "198.51.100.9", "ops:guess " + i));
        }

        // Blocked on both nodes now, even with the right password; another address is not.
        Assert.Equal(HttpStatusCode.TooManyRequests, await nodes.B.StatusFromAsync("staff.test", "198.51.100.9", "ops:" + RedisNodes.BasicAuthPassword));
        Assert.Equal(HttpStatusCode.TooManyRequests, await nodes.A.StatusFromAsync("staff.test", "198.51.100.9", "ops:" + RedisNodes.BasicAuthPassword));
        Assert.Equal(HttpStatusCode.OK, await nodes.A.StatusFromAsync("staff.test", "198.51.100.10", "ops:" + RedisNodes.BasicAuthPassword));
    }

    [Fact]
    public async Task Failed_sign_ins_on_two_nodes_add_up_to_one_lockout()
    {
        await nodes.WaitForRedisAsync(up: true);
        var address = IPAddress.Parse("198.51.100.11");
        var users = new[] { nodes.A.App.Services.GetRequiredService<UserStore>(), nodes.B.App.Services.GetRequiredService<UserStore>() };

        // Unknown names are counted like real ones, so a name neither node has will do.
        for (var i = 0; i < SignInThrottle.MaxFailuresPerAddress - 1; i++)
        {
            Assert.Equal(SignInOutcome.Failed, (await users[i % 2].SignInAsync("nobody-here", "wrong password", address)).Outcome);
        }

        // The fifth failure locks the pair out, and the other node refuses it too.
        Assert.Equal(SignInOutcome.LockedOut, (await users[1].SignInAsync("nobody-here", "wrong password", address)).Outcome);
        Assert.Equal(SignInOutcome.LockedOut, (await users[0].SignInAsync("nobody-here", "wrong password", address)).Outcome);
        Assert.Equal(SignInOutcome.Failed, (await users[0].SignInAsync("nobody-here", "wrong password", IPAddress.Parse("198.51.100.12"))).Outcome);
    }
}
