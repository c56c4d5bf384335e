using Appliance.Data.Model;
using Appliance.Engine.Compression;
using Appliance.Engine.Tests.Configuration;

namespace Appliance.Engine.Tests.Compression;

public sealed class CompressionMiddlewareTests
{
    private static readonly PoolSpec Web = new() { Name = "web", Backends = [new BackendSpec { Address = "http://10.0.0.1:80" }] };

    // Each row: whether the route compresses, the request's method and Accept-Encoding: none gives a coding to apply.
    [Theory]
    [InlineData(true, "GET", "")]
    [InlineData(true, "GET", "identity")]
    [InlineData(true, "HEAD", "gzip")]
    [InlineData(false, "GET", "gzip")]
    public void A_request_with_no_coding_to_apply_is_passed_on_without_a_state_machine(bool compression, string method, string acceptEncoding)
    {
        var plan = TestSnapshots.Builder().Build(new ConfigDocument
        {
            Pools = [Web],
            Routes = [new RouteSpec { Name = "r", Compression = compression, Targets = [new TargetSpec { Pool = "web", Weight = 1 }] }],
        }, 1).Plans["r"];
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Headers.AcceptEncoding = acceptEncoding;
        context.Features.Set(plan);
        var next = new TaskCompletionSource().Task;

        Assert.Same(next, new CompressionMiddleware(_ => next).InvokeAsync(context));
    }
}
