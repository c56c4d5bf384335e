using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Appliance.Engine.Security;

/// <summary>
/// Refuses a request whose declared body is over the limit with 413 before anything is sent to a
/// backend, as nginx's client_max_body_size does. Kestrel alone would only fail once the body is
/// read, by which time the forwarder has already opened the request to the backend.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (limit is { } max && context.Request.ContentLength > max)
        {
            // The body stays unread: close the connection after answering rather than drain it.
            context.Response.Headers.Connection = "close";
            return ErrorPages.WriteAsync(context, StatusCodes.Status413PayloadTooLarge);
        }

        return next(context);
    }
}
