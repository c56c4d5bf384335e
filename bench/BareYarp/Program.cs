using System.Net;
using System.Security.Cryptography.X509Certificates;
using Yarp.ReverseProxy.Configuration;

// Usage: BareYarp <listen-port> <origin-url> [<cert.pem> <key.pem>]
// With a certificate it listens for HTTPS only, with Kestrel's TLS defaults (what a YARP user
// gets without tuning: TLS 1.2 and 1.3, no cipher policy, so .NET's cached context and resumption).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
if (args.Length >= 4)
{
    var certificate = X509Certificate2.CreateFromPemFile(args[2], args[3]);
    builder.WebHost.ConfigureKestrel(kestrel =>
        kestrel.Listen(IPAddress.Loopback, int.Parse(args[0]), listen => listen.UseHttps(certificate)));
}
else
{
    builder.WebHost.UseUrls($"http://127.0.0.1:{args[0]}");
}

builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "all", ClusterId = "origin", Match = new RouteMatch { Path = "/{**catch-all}" } }],
    [new ClusterConfig { ClusterId = "origin", Destinations = new Dictionary<string, DestinationConfig> { ["o"] = new() { Address = args[1] } } }]);
var app = builder.Build();
app.MapReverseProxy();
app.Run();
