using System.Net;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Challenge;

/// <summary>
/// The challenge page: self-contained (inline style and script, nothing fetched from anywhere),
/// 403 because the request was not let through, never stored by anyone (<c>no-store</c>), and
/// without JavaScript a message saying what is needed.
/// </summary>
internal static class ChallengePage
{
    public static Task WriteAsync(HttpContext context, string token, int difficulty, string returnTo)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status403Forbidden;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Robots-Tag"] = "noindex";
        response.Headers.ContentSecurityPolicy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; form-action 'self'";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return Task.CompletedTask;
        }

        var html = "<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
            + "<title>Checking your browser</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}</style></head><body>"
            + "<h1>One moment</h1><p id=\"status\">This site checks that visitors are browsers before letting them in.</p>"
            + "<noscript><p>Please turn on JavaScript and reload: this site asks your browser for a short computation before it lets you in.</p></noscript>"
            + $"<form id=\"challenge\" method=\"post\" action=\"{ChallengePaths.Answer}\" data-difficulty=\"{difficulty}\">"
            + $"<input type=\"hidden\" name=\"token\" value=\"{WebUtility.HtmlEncode(token)}\">"
            + "<input type=\"hidden\" name=\"counter\" value=\"\">"
            + $"<input type=\"hidden\" name=\"return\" value=\"{WebUtility.HtmlEncode(returnTo)}\"></form>"
            + "<script>" + ChallengeScript.Source + "</script></body></html>";
        return response.WriteAsync(html);
    }
}
