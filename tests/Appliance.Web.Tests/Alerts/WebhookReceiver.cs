using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Appliance.Web.Tests.Alerts;

/// <summary>
/// A webhook endpoint as an operator would run one: Kestrel on loopback, keeping every POST's exact
/// body and headers. It can be told to fail, to see retries and failure counts.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile int _status = StatusCodes.Status204NoContent;

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>The status every POST is answered with (204 by default).</summary>
    public int Status
    {
        get => _status;
        set => _status = value;
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook/{**rest}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            receiver.Received.Enqueue(new ReceivedWebhook(
                context.Request.Path,
                body.ToArray(),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            return Results.StatusCode(receiver.Status);
        });
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/hook";
        return receiver;
    }

    /// <summary>The bodies received at <paramref name="path"/> whose event is <paramref name="kind"/>.</summary>
    public IReadOnlyList<ReceivedWebhook> Of(string path, string kind) =>
        Received.Where(r => r.Path == path && r.Event == kind).ToArray();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

/// <summary>One POST as it arrived.</summary>
public sealed record ReceivedWebhook(string Path, byte[] Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Event => Json.GetProperty("event").GetString()!;

    /// <summary>Checks the signature as the README tells receivers to: HMAC-SHA256 of the exact body, compared in constant time.</summary>
    public bool SignedWith(string secret)
    {
        if (!Headers.TryGetValue("X-Appliance-Signature", out var header) || !header.StartsWith("sha256=", StringComparison.Ordinal))
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Body);
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(header["sha256=".Length..]));
    }
}
