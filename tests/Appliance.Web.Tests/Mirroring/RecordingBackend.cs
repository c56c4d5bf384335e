using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Appliance.Web.Tests.Mirroring;

/// <summary>
/// A real Kestrel backend that records every request whole (method, raw target, headers, body) as
/// it arrives, then answers with its name and <see cref="StatusCode"/>; with <see cref="Hold"/> set
/// it answers only that much later, as a slow shadow would.
/// </summary>
public sealed class RecordingBackend : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RecordingBackend(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    public string Name { get; }

    public string Address { get; private set; } = "";

    public ConcurrentQueue<RecordedRequest> Received { get; } = new();

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    /// <summary>How long each answer waits after the request arrived; released early when the backend is disposed.</summary>
    public TimeSpan Hold { get; set; } = TimeSpan.Zero;

    public static async Task<RecordingBackend> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = null);
        var app = builder.Build();
        var backend = new RecordingBackend(name, app);
        app.Run(backend.AnswerAsync);
        await app.StartAsync();
        backend.Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return backend;
    }

    /// <summary>The request that carried <paramref name="requestId"/> in X-Request-Id, once it has arrived.</summary>
    public RecordedRequest? WithRequestId(string requestId) =>
        Received.FirstOrDefault(r => r.Headers.TryGetValue("X-Request-Id", out var id) && id == requestId);

    public async ValueTask DisposeAsync()
    {
        _released.TrySetResult();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        Received.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body.ToArray()));
        if (Hold > TimeSpan.Zero)
        {
            // The shadow "works" for Hold: a wait on a gate nobody opens before the backend goes away.
            await _released.Task.WaitAsync(Hold, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        context.Response.StatusCode = StatusCode;
        await context.Response.WriteAsync(Name);
    }
}

/// <summary>One request as a <see cref="RecordingBackend"/> received it.</summary>
public sealed record RecordedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body);
