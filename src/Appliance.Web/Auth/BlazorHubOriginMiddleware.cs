namespace Appliance.Web.Auth;

/// <summary>
/// Only the admin site's own pages may open a Blazor circuit. WebSockets are not bound by the
/// same-origin policy, and SameSite=Strict only keeps the cookie from other <em>sites</em>: a page
/// on the same host but another port or a sibling subdomain (a backend published through this very
/// proxy, say) is same-site and would send it. The hub (negotiate, WebSocket and the fallback
/// transports under <c>/_blazor</c>) therefore refuses any request whose <c>Origin</c> is present and
/// not this site's own.
/// Requests without an Origin (not from a browser page) are not a cross-site risk and pass.
/// </summary>
internal sealed partial class BlazorHubOriginMiddleware(RequestDelegate next, ILogger<BlazorHubOriginMiddleware> logger)
{
    public static readonly PathString HubPath = "/_blazor";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments(HubPath) || request.Headers.Origin.Count == 0 || IsOwnOrigin(request))
        {
            return next(context);
        }

        LogRefused(request.Headers.Origin.ToString(), request.Host.Value ?? "");
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    // The authority is compared, not the scheme: behind a TLS-terminating proxy the page's origin is
    // https while this listener sees http, for the same host and the same site. Behind a proxy in
    // Appliance:Admin:TrustedProxies, Request.Host is already the one the browser used (X-Forwarded-Host),
    // whatever Host the proxy sent. The account API's writes ask the same question.
    internal static bool IsOwnOrigin(HttpRequest request) =>
        request.Headers.Origin is [{ } origin]
        && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.AbsolutePath == "/"
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Refused a Blazor connection from origin '{Origin}' to host '{Host}': only the admin site's own pages may open one.")]
    private partial void LogRefused(string origin, string host);
}
