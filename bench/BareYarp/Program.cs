using Yarp.ReverseProxy.Configuration;

// Usage: BareYarp <listen-port> <origin-url>
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{args[0]}");
builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "all", ClusterId = "origin", Match = new RouteMatch { Path = "/{**catch-all}" } }],
    [new ClusterConfig { ClusterId = "origin", Destinations = new Dictionary<string, DestinationConfig> { ["o"] = new() { Address = args[1] } } }]);
var app = builder.Build();
app.MapReverseProxy();
app.Run();
