using Appliance.Data.Cluster;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Tls.Acme;

/// <summary>
/// Answers <c>/.well-known/acme-challenge/{token}</c> (RFC 8555 §8.3) on plain HTTP for any host,
/// ahead of routing: a route's HTTPS redirect or a missing route must not hide the answer from
/// the ACME server. This node's own answers come from memory; another node's from the database,
/// within the bounds <see cref="ClusterChallengeLookup"/> sets. Unknown tokens get 404 and never
/// reach a backend.
/// </summary>
internal sealed class Http01ChallengeMiddleware(RequestDelegate next, Http01ChallengeStore challenges, ClusterChallengeLookup cluster)
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
        if (!HttpMethods.IsGet(context.Request.Method))
        {
            return NotFound(context);
        }

        if (challenges.TryGet(token, out var keyAuthorization))
        {
            return AnswerAsync(context, keyAuthorization);
        }

        return IsTokenShaped(token) ? AnswerFromClusterAsync(context, token) : NotFound(context);
    }

    private async Task AnswerFromClusterAsync(HttpContext context, string token)
    {
        var keyAuthorization = await cluster.FindAsync(AcmeChallengeStore.Http01, token, context.RequestAborted);
        await (keyAuthorization is null ? NotFound(context) : AnswerAsync(context, keyAuthorization));
    }

    private static Task AnswerAsync(HttpContext context, string keyAuthorization)
    {
        context.Response.ContentType = "application/octet-stream";
        return context.Response.WriteAsync(keyAuthorization);
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    // RFC 8555 §8.1: a token is base64url (at least 128 bits of entropy); anything else is not worth a look.
    private static bool IsTokenShaped(string token) =>
        token.Length is >= 22 and <= 255 && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
