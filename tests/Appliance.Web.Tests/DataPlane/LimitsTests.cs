using System.Net;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.DataPlane;

public sealed class LimitsTests(LimitsTests.SmallLimitsHost host) : IClassFixture<LimitsTests.SmallLimitsHost>
{
    [Fact]
    public async Task A_body_over_the_limit_gets_413_and_never_reaches_the_backend()
    {
        await using var backend = await TestBackend.StartAsync("limits");
        await host.AddPoolAsync(new { name = "limits", backends = new[] { new { address = backend.Address } } });
        await host.AddRouteAsync(new { name = "limits", targets = new[] { new { pool = "limits", weight = 1 } } });
        await host.WaitForLiveConfigAsync();

        using var client = host.CreateProxyClient();
        using var small = await client.PostAsync("/upload", new ByteArrayContent(new byte[512]));
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);

        var before = backend.Requests;
        using var large = await client.PostAsync("/upload", new ByteArrayContent(new byte[4096]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(before, backend.Requests);

        using var headers = new HttpRequestMessage(HttpMethod.Get, "/");
        headers.Headers.Add("X-Big", new string('a', 4096));
        using var tooManyHeaders = await client.SendAsync(headers);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, tooManyHeaders.StatusCode);

        using var counted = new HttpRequestMessage(HttpMethod.Get, "/");
        for (var i = 0; i < 40; i++)
        {
            counted.Headers.Add($"X-H{i}", "1");
        }

        using var tooManyFields = await client.SendAsync(counted);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, tooManyFields.StatusCode);
    }

    public sealed class SmallLimitsHost : ApplianceHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Proxy:Limits:MaxRequestBodySize"] = "1024",
            ["Appliance:Proxy:Limits:MaxRequestHeadersTotalSize"] = "2048",
            ["Appliance:Proxy:Limits:MaxRequestHeaderCount"] = "32",
        };
    }
}
