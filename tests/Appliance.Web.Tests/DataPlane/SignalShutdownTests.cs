using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.DataPlane;

/// <summary>The appliance as a real process, stopped the way an orchestrator stops it: SIGTERM.</summary>
public sealed partial class SignalShutdownTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "appliance-tests", Guid.NewGuid().ToString("N"));
    private readonly List<string> _output = [];
    private Process? _process;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task On_SIGTERM_the_process_lets_the_in_flight_request_finish_then_exits_cleanly()
    {
        Assert.True(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGTERM is a Unix signal.");
        await using var backend = await TestBackend.StartAsync("signal");
        backend.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var (adminUrl, proxyUrl) = await StartApplianceAsync();
        using var api = new HttpClient { BaseAddress = new Uri(adminUrl) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApplianceHost.BootstrapToken);
        (await api.PostAsJsonAsync("/api/v1/pools", new { name = "signal", backends = new[] { new { address = backend.Address } } })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/api/v1/routes", new { name = "signal", targets = new[] { new { pool = "signal", weight = 1 } } })).EnsureSuccessStatusCode();

        using var client = new HttpClient { BaseAddress = new Uri(proxyUrl) };
        await Eventually.TrueAsync(
            async () => (await client.GetAsync("/")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(10),
            "the route to serve");

        var before = backend.Requests;
        var inFlight = client.GetAsync("/slow");
        await Eventually.TrueAsync(() => backend.Requests == before + 1, TimeSpan.FromSeconds(10), "the slow request to arrive");

        await SendSigTermAsync(_process!.Id);
        await Eventually.TrueAsync(
            () => { lock (_output) { return _output.Any(l => l.Contains("Application is shutting down", StringComparison.Ordinal)); } },
            TimeSpan.FromSeconds(10),
            "the appliance to begin shutting down");
        Assert.False(_process.HasExited);

        backend.Gate.TrySetResult();
        using var finished = await inFlight;
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        Assert.Equal("signal", await finished.Content.ReadAsStringAsync());

        using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(exit.Token);
        Assert.Equal(0, _process.ExitCode);
    }

    private async Task<(string Admin, string Proxy)> StartApplianceAsync()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Appliance.Web.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["Appliance__DataDirectory"] = _dataDirectory,
                ["Appliance__Admin__Urls"] = "http://127.0.0.1:0",
                ["Appliance__Admin__BootstrapToken"] = ApplianceHost.BootstrapToken,
                ["Appliance__Proxy__HttpPort"] = "0",
                ["Appliance__Proxy__BindAddress"] = "127.0.0.1",
                ["Appliance__AccessLog__Target"] = "Off",
                ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            },
        };
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Capture(e.Data);
        _process.ErrorDataReceived += (_, e) => Capture(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        string? admin = null, proxy = null;
        await Eventually.TrueAsync(
            () =>
            {
                lock (_output)
                {
                    var text = string.Join('\n', _output);
                    proxy = DataPlaneLine().Match(text) is { Success: true } p ? p.Groups[1].Value : null;
                    admin = ListeningLines().Matches(text).Select(m => m.Groups[1].Value).FirstOrDefault(url => url != proxy);
                    return admin is not null && proxy is not null;
                }
            },
            TimeSpan.FromSeconds(30),
            "the appliance process to listen");
        return (admin!, proxy!);
    }

    private void Capture(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    // procps' kill(1) is on every Debian machine; P/Invoke would need unsafe code for one call.
    private static async Task SendSigTermAsync(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    [GeneratedRegex(@"Data plane listening on (http://[0-9.]+:\d+)")]
    private static partial Regex DataPlaneLine();

    [GeneratedRegex(@"Now listening on: (http://[0-9.]+:\d+)")]
    private static partial Regex ListeningLines();
}
