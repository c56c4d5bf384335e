using System.Net;
using Appliance.Data.Model;
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

        // Each node here has a database of its own: the same user on both, so that only the shared count ties them.
        const string name = "lockout-shared";
        const string password = "shared lockout passphrase 12";
        foreach (var node in new[] { nodes.A, nodes.B })
        {
            var created = await node.App.Services.GetRequiredService<UserStore>().CreateAsync(
                new NewUser { UserName = name, Password = password, Role = ApplianceRoles.Viewer }, Editor.Authorized("test"));
            Assert.True(created.Succeeded);
        }

        // One client address, through each node's own sign-in form in turn: neither node alone sees five failures.
        using var onA = new AdminBrowser(nodes.A.Api.BaseAddress!, IPAddress.Parse("127.0.6.1"));
        using var onB = new AdminBrowser(nodes.B.Api.BaseAddress!, IPAddress.Parse("127.0.6.1"));
        var browsers = new[] { onA, onB };
        for (var i = 0; i < SignInThrottle.MaxFailuresPerAddress; i++)
        {
            var (status, html) = await SignInAsync(browsers[i % 2], name, "wrong guess " + i);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains(Admin.LockoutTests.NeutralRefusal, html, StringComparison.Ordinal);
        }

        // Five in all lock that address out on both nodes: even the right password is refused, with the same words.
        foreach (var browser in browsers)
        {
            var (status, html) = await SignInAsync(browser, name, password);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains(Admin.LockoutTests.NeutralRefusal, html, StringComparison.Ordinal);
        }

        // The owner at another address signs in on either node.
        foreach (var node in new[] { nodes.A, nodes.B })
        {
            using var owner = new AdminBrowser(node.Api.BaseAddress!, IPAddress.Parse("127.0.6.2"));
            var (status, _) = await SignInAsync(owner, name, password);
            Assert.Equal(HttpStatusCode.Redirect, status);
        }
    }

    private static async Task<(HttpStatusCode Status, string Html)> SignInAsync(AdminBrowser browser, string name, string password)
    {
        using var response = await browser.SubmitAsync("/login", "login", Admin.SignInTests.Credentials(name, password));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
