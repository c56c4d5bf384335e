using System.Net;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.DataPlane;

// Each test stops its own appliance, so none shares a host.
public sealed class ShutdownTests
{
    [Fact]
    public async Task Shutdown_stops_accepting_and_lets_in_flight_requests_finish()
    {
        var host = new ApplianceHost();
        await host.InitializeAsync();
        await using var backend = await TestBackend.StartAsync("graceful");
        await host.AddPoolAsync(new { name = "graceful", backends = new[] { new { address = backend.Address } } });
        await host.AddRouteAsync(new { name = "graceful", targets = new[] { new { pool = "graceful", weight = 1 } } });
        await host.WaitForLiveConfigAsync();

        using var client = host.CreateProxyClient();
        backend.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = client.GetAsync("/slow");
        await Eventually.TrueAsync(() => backend.Requests == 1, TimeSpan.FromSeconds(10), "the slow request to arrive");

        var stopping = host.App.StopAsync();
        using var newClient = host.CreateProxyClient();
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    using var response = await newClient.GetAsync("/");
                    return false;
                }
                catch (Exception ex) when (ex is HttpRequestException or System.Net.Sockets.SocketException)
                {
                    // Refused, or accepted by the closing listener and reset at once: either way, not served.
                    return true;
                }
            },
            TimeSpan.FromSeconds(10),
            "the data plane to stop accepting");
        Assert.False(stopping.IsCompleted);

        backend.Gate.TrySetResult();
        using var finished = await inFlight;
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        Assert.Equal("graceful", await finished.Content.ReadAsStringAsync());
        await stopping;
        await host.DisposeAsync();
    }
}
