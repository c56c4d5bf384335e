using Appliance.Engine.Metrics;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.AccessLogging;

/// <summary><c>ViewerCapacity=0</c> turns the viewer off: nothing is kept, and the API says so rather than failing.</summary>
public sealed class AccessLogViewerOffTests(AccessLogViewerOffTests.OffHost host) : IClassFixture<AccessLogViewerOffTests.OffHost>
{
    [Fact]
    public async Task With_no_capacity_nothing_is_kept_and_the_api_answers_empty()
    {
        var traffic = host.App.Services.GetRequiredService<TrafficMetrics>();
        var before = traffic.Total().Requests;
        using var client = host.CreateProxyClient();
        using var response = await client.GetAsync("/anything");

        // The same step records the traffic figures just before the viewer's ring.
        await Eventually.TrueAsync(() => traffic.Total().Requests > before, TimeSpan.FromSeconds(10), "the request to be recorded");
        var body = await AccessLogApi.ReadAsync(host.Api, "");
        var summary = System.Text.Json.JsonDocument.Parse(await host.Api.GetStringAsync("/api/v1/access-log/summary")).RootElement;

        Assert.Equal(0, body.GetProperty("capacity").GetInt32());
        Assert.Equal(0, body.GetProperty("held").GetInt32());
        Assert.Equal(0, body.GetProperty("entries").GetArrayLength());
        Assert.Equal(0, summary.GetProperty("total").GetInt64());
        Assert.Contains("appliance_access_log_viewer_capacity 0\n", await host.Api.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    public sealed class OffHost : ApplianceHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Appliance:AccessLog:ViewerCapacity"] = "0" };
    }
}
