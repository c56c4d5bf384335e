using System.Net.Http.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Streams;

/// <summary>The appliance and two TCP backends, A and B, for the stream tests; each test adds the streams it needs.</summary>
public class StreamsHost : ApplianceHost
{
    public TcpBackend A { get; private set; } = null!;

    public TcpBackend B { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        A = TcpBackend.Start("A");
        B = TcpBackend.Start("B");
        await AddPoolAsync(new { name = "only-a", backends = new[] { new { address = A.Address } } });
        await AddPoolAsync(new { name = "only-b", backends = new[] { new { address = B.Address } } });
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await A.DisposeAsync();
        await B.DisposeAsync();
    }

    /// <summary>Creates a stream through the API and waits until its port takes connections.</summary>
    public async Task<int> AddStreamAsync(string name, string pool, object? extra = null)
    {
        var port = Ports.Unused();
        var body = new Dictionary<string, object?> { ["name"] = name, ["listenPort"] = port, ["pool"] = pool };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(extra);
        }

        var response = await Api.PostAsJsonAsync("/api/v1/streams", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        await WaitForLiveConfigAsync();
        await Eventually.TrueAsync(() => Listening(port), TimeSpan.FromSeconds(10), $"stream {name} to listen on {port}");

        // The readiness probe is a real client of the stream: it takes a slot, a balancing pick and
        // maybe a backend connection, on the listener's own time. Wait until it is counted (whatever
        // its result) and gone, so that no test sees it after taking a baseline. The open gauge
        // alone proves nothing: it reads 0 from the moment the port is bound.
        await Eventually.TrueAsync(async () =>
        {
            var counted = 0L;
            foreach (var result in new[] { "accepted", "denied", "limited", "no-destination", "failed" })
            {
                counted += Math.Max(0, await MetricAsync($"appliance_stream_connections_total{{stream=\"{name}\",result=\"{result}\"}}"));
            }

            return counted >= 1 && await MetricAsync($"appliance_stream_open_connections{{stream=\"{name}\"}}") == 0;
        }, TimeSpan.FromSeconds(10), $"stream {name}'s readiness probe to be counted and closed");
        return port;
    }

    /// <summary>The Prometheus text of the control plane (loopback scrapes need no token).</summary>
    public async Task<string> MetricsAsync()
    {
        using var scraper = new HttpClient { BaseAddress = Api.BaseAddress };
        return await scraper.GetStringAsync("/metrics");
    }

    /// <summary>The value of one series (<c>name{labels}</c>) at <c>/metrics</c>, or -1 when it is not there.</summary>
    public async Task<long> MetricAsync(string series)
    {
        var line = (await MetricsAsync()).Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public static bool Listening(int port)
    {
        try
        {
            using var probe = new System.Net.Sockets.TcpClient();
            probe.Connect("127.0.0.1", port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
