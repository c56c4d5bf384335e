using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Tls.Acme;

/// <summary>
/// Answers <c>/.well-known/acme-challenge/{token}</c> (RFC 8555 §8.3) on plain HTTP for any host,
/// ahead of routing: a route's HTTPS redirect or a missing route must not hide the answer from
/// the ACME server. Unknown tokens get 404 and never reach a backend.
/// </summary>
internal sealed class Http01ChallengeMiddleware(RequestDelegate next, Http01ChallengeStore challenges)
{
    private const string Prefix = "/.well-known/acme-challenge/";

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is null || !path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return next(context);
        }

        var token = path[Prefix.Length..];
        if (!HttpMethods.IsGet(context.Request.Method) || !challenges.TryGet(token, out var keyAuthorization))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        context.Response.ContentType = "application/octet-stream";
        return context.Response.WriteAsync(keyAuthorization);
    }
}
