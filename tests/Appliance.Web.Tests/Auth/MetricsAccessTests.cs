using System.Net;
using System.Security.Claims;
using Appliance.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Appliance.Web.Tests.Auth;

public sealed class MetricsAccessTests
{
    [Theory]
    [InlineData("127.0.0.1", false, true)]
    [InlineData("::1", false, true)]
    [InlineData("::ffff:127.0.0.1", false, true)]
    [InlineData("203.0.113.7", false, false)]
    [InlineData("172.17.0.1", false, false)]
    [InlineData("203.0.113.7", true, true)]
    public void Only_this_host_or_a_token_may_scrape(string remote, bool authenticated, bool allowed)
    {
        var http = new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse(remote) } };
        var user = authenticated
            ? new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "token:prometheus")], ApiTokenDefaults.Scheme))
            : new ClaimsPrincipal(new ClaimsIdentity());
        var context = new AuthorizationHandlerContext([new AssertionRequirement(MetricsAccess.IsAllowed)], user, http);

        Assert.Equal(allowed, MetricsAccess.IsAllowed(context));
    }
}
