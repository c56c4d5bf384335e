using System.Net;
using Microsoft.AspNetCore.Connections.Features;

// Usage: KestrelFloor <listen-port> <origin-port> <httpclient|raw>
//   httpclient  Kestrel, then HttpClient's SocketsHttpHandler to the origin (what YARP uses), no YARP;
//   raw         Kestrel, then one plain socket per client connection speaking the least HTTP/1.1 a
//               GET of a file with Content-Length needs: the cheapest forwarding Kestrel allows.
// Neither is a proxy (no chunking, no errors, no limits): they measure what is left for one.
var originPort = int.Parse(args[1]);
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{args[0]}");
var app = builder.Build();

if (args[2] == "httpclient")
{
    var client = new HttpMessageInvoker(new SocketsHttpHandler
    {
        UseProxy = false, AllowAutoRedirect = false, UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None, ActivityHeadersPropagator = null,
    });
    var origin = $"http://127.0.0.1:{originPort}";
    app.Run(async context =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, origin + context.Request.Path);
        using var response = await client.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            context.Response.Headers[header.Key] = header.Value.ToArray();
        }

        context.Response.Headers.Remove("Transfer-Encoding");
        await response.Content.CopyToAsync(context.Response.Body);
    });
}
else
{
    app.Run(async context =>
    {
        // One origin connection per client connection, as nginx's upstream keep-alive gives a worker.
        var items = context.Features.Get<IConnectionItemsFeature>()!.Items;
        if (!items.TryGetValue(typeof(RawOriginConnection), out var kept) || kept is not RawOriginConnection origin)
        {
            origin = await RawOriginConnection.ConnectAsync(originPort);
            items[typeof(RawOriginConnection)] = origin;
        }

        await origin.ForwardAsync(context);
    });
}

app.Run();
