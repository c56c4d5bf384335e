using System.Net;
using System.Security.Cryptography.X509Certificates;
using Yarp.ReverseProxy.Configuration;

// Usage: BareYarp <listen-port> <origin-url> [<cert.pem> <key.pem> [callback]]
// With a certificate it listens for HTTPS only, with Kestrel's TLS defaults (what a YARP user
// gets without tuning: TLS 1.2 and 1.3, no cipher policy, so .NET's cached context and resumption).
// "callback" chooses the same options per handshake through TlsHandshakeCallbackOptions, the way
// the appliance chooses a certificate by SNI, to measure what that path costs by itself.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
if (args.Length >= 4)
{
    var certificate = X509Certificate2.CreateFromPemFile(args[2], args[3]);
    var perHandshake = new System.Net.Security.SslServerAuthenticationOptions
    {
        ServerCertificateContext = System.Net.Security.SslStreamCertificateContext.Create(certificate, additionalCertificates: null),
        ApplicationProtocols = [System.Net.Security.SslApplicationProtocol.Http2, System.Net.Security.SslApplicationProtocol.Http11],
    };
    builder.WebHost.ConfigureKestrel(kestrel =>
        kestrel.Listen(IPAddress.Loopback, int.Parse(args[0]), listen =>
        {
            if (args.Length >= 5 && args[4] == "callback")
            {
                listen.UseHttps(new Microsoft.AspNetCore.Server.Kestrel.Https.TlsHandshakeCallbackOptions
                {
                    OnConnection = _ => ValueTask.FromResult(perHandshake),
                });
            }
            else
            {
                listen.UseHttps(certificate);
            }
        }));
}
else
{
    builder.WebHost.UseUrls($"http://127.0.0.1:{args[0]}");
}

builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "all", ClusterId = "origin", Match = new RouteMatch { Path = "/{**catch-all}" } }],
    [new ClusterConfig { ClusterId = "origin", Destinations = new Dictionary<string, DestinationConfig> { ["o"] = new() { Address = args[1] } } }]);
var app = builder.Build();

// FRAMES=n puts n empty async steps in front of the proxy, each awaiting the rest of the request:
// what a step that must act after the response costs by itself.
for (var i = 0; i < int.Parse(Environment.GetEnvironmentVariable("FRAMES") ?? "0"); i++)
{
    app.Use(static async (context, next) =>
    {
        await next(context);
        _ = context.Response.StatusCode;
    });
}

app.MapReverseProxy();
app.Run();
