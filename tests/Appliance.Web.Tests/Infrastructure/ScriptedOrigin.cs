using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Appliance.Web.Tests.Infrastructure;

/// <summary>A real Kestrel origin whose answer per path the test scripts, and which records every request it gets.</summary>
public sealed class ScriptedOrigin : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Method, string PathAndQuery, Dictionary<string, string> Headers)> _requests = new();

    private ScriptedOrigin(WebApplication app) => _app = app;

    public string Address { get; private set; } = "";

    public static async Task<ScriptedOrigin> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var origin = new ScriptedOrigin(app);
        app.Run(async context =>
        {
            origin._requests.Enqueue((
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            if (origin._handlers.TryGetValue(context.Request.Path.Value ?? "/", out var handler))
            {
                await handler(context);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        });
        await app.StartAsync();
        origin.Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return origin;
    }

    /// <summary>Scripts the answer for <paramref name="path"/>.</summary>
    public void On(string path, Func<HttpContext, Task> handler) => _handlers[path] = handler;

    /// <summary>Answers <paramref name="path"/> with <paramref name="body"/> and the given headers.</summary>
    public void On(string path, string body, params (string Name, string Value)[] headers) => On(path, async context =>
    {
        foreach (var (name, value) in headers)
        {
            context.Response.Headers.Append(name, value);
        }

        context.Response.ContentType ??= "text/plain";
        await context.Response.WriteAsync(body);
    });

    /// <summary>Requests the origin got for <paramref name="path"/> (any query).</summary>
    public IReadOnlyList<(string Method, string PathAndQuery, Dictionary<string, string> Headers)> RequestsTo(string path) =>
        _requests.Where(r => r.PathAndQuery == path || r.PathAndQuery.StartsWith(path + "?", StringComparison.Ordinal)).ToArray();

    public int Count(string path) => RequestsTo(path).Count;

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
