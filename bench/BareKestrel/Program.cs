// Serves the files of a folder from memory, as a cache hit would: usage BareKestrel <port> <folder>.
var port = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
var files = Directory.GetFiles(args[1]).ToDictionary(f => "/" + Path.GetFileName(f), File.ReadAllBytes);

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => { kestrel.AddServerHeader = false; kestrel.ListenLocalhost(port); });
var app = builder.Build();
app.Run(context =>
{
    if (!files.TryGetValue(context.Request.Path.Value ?? "", out var body))
    {
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    context.Response.ContentType = "application/octet-stream";
    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
});
app.Run();
