using Appliance.Engine.Caching;
using Appliance.Engine.Configuration;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Appliance.Engine.Compression;

/// <summary>
/// Compresses text responses on the fly for clients that accept brotli, zstd or gzip, on routes that
/// allow it (the default). Cache hits arrive already encoded from the stored variants and pass untouched.
/// </summary>
internal sealed class CompressionMiddleware(RequestDelegate next)
{
    // Not async: most requests have no coding to apply and pay for no state machine.
    public Task InvokeAsync(HttpContext context)
    {
        var policy = context.GetRoutePlan().Get<RouteResponsePolicy>();
        var coding = policy.Compression && !HttpMethods.IsHead(context.Request.Method)
            ? AcceptEncoding.Choose(context.Request.Headers.AcceptEncoding)
            : null;
        return coding is null ? next(context) : CompressAsync(context, coding);
    }

    private async Task CompressAsync(HttpContext context, string coding)
    {
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var compressing = new CompressingResponseBodyFeature(original, context.Response, coding);
        context.Features.Set<IHttpResponseBodyFeature>(compressing);
        try
        {
            await next(context);
            await compressing.FinishAsync();
        }
        finally
        {
            context.Features.Set(original);
        }
    }
}
