using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Appliance.Web.Tests.Infrastructure;

/// <summary>
/// A real Kestrel backend on 127.0.0.1 with an ephemeral port. It answers every path with its
/// name, reports the headers it received, can be made slow or unhealthy, and counts requests.
/// </summary>
public sealed class TestBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;
    private volatile bool _healthy = true;
    private volatile bool _abort;

    private TestBackend(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    public string Name { get; }

    public string Address { get; private set; } = "";

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Headers of every request received, in order.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> ReceivedHeaders { get; } = new();

    /// <summary>The request target of every request received, exactly as it came over the wire.</summary>
    public ConcurrentQueue<string> ReceivedTargets { get; } = new();

    /// <summary>When set, requests to /slow wait for it before answering.</summary>
    public TaskCompletionSource Gate { get; set; } = CompletedGate();

    public bool Healthy
    {
        get => _healthy;
        set => _healthy = value;
    }

    /// <summary>When set, requests other than /health lose their connection before any answer: failing live traffic while the probes pass.</summary>
    public bool Abort
    {
        get => _abort;
        set => _abort = value;
    }

    public static async Task<TestBackend> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.UseWebSockets();
        var backend = new TestBackend(name, app);
        app.MapGet("/health", () => backend._healthy ? Results.Text("ok") : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        app.Map("/ws", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                return Results.BadRequest();
            }

            backend.Count(context);
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var buffer = new byte[4096];
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (received.MessageType == System.Net.WebSockets.WebSocketMessageType.Close)
                {
                    await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return Results.Empty;
                }

                var reply = System.Text.Encoding.UTF8.GetBytes($"{backend.Name}:{System.Text.Encoding.UTF8.GetString(buffer, 0, received.Count)}");
                await socket.SendAsync(reply, System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None);
            }
        });
        app.Map("/slow/{**rest}", async (HttpContext context) =>
        {
            backend.Count(context);
            await backend.Gate.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return Results.Text(backend.Name);
        });
        app.Map("/{**rest}", (HttpContext context) =>
        {
            backend.Count(context);
            if (backend._abort)
            {
                context.Abort();
                return Results.Empty;
            }

            context.Response.Headers["X-Backend"] = backend.Name;
            context.Response.Headers["X-Powered-By"] = "PHP/5.4";
            context.Response.Headers["X-AspNet-Version"] = "4.0.30319";
            return Results.Text(backend.Name);
        });
        await app.StartAsync();
        backend.Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return backend;
    }

    public static async Task<TestBackend[]> StartManyAsync(params string[] names) =>
        await Task.WhenAll(names.Select(StartAsync));

    /// <summary>Stops the backend the way a deploy or crash of its process would, waiting for in-flight requests.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Gate.TrySetResult();
        await _app.DisposeAsync();
    }

    public static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }

    private void Count(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        ReceivedTargets.Enqueue(context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget);
        ReceivedHeaders.Enqueue(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
    }
}
