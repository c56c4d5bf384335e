using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Challenge;

/// <summary>
/// Takes the page's proof at <see cref="ChallengePaths.Answer"/>: a challenge this ring sealed,
/// issued to this client address within the answer window, never solved before, whose proof holds,
/// earns the clearance cookie and a redirect back to the page the client asked for. Anything else
/// gets the page again with a fresh challenge; nothing posted here reaches a route or a backend.
/// </summary>
internal sealed class ChallengeAnswerMiddleware(RequestDelegate next, ChallengeTokens tokens, UsedChallenges used, ChallengeCounter counter)
{
    private const long MaxFormBytes = 8 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is null || !(string.Equals(path, ChallengePaths.Answer, StringComparison.OrdinalIgnoreCase)
            || string.Equals(path, ChallengePaths.Answer + "/", StringComparison.OrdinalIgnoreCase)))
        {
            return next(context);
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = HttpMethods.Post;
            context.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        }

        return AnswerAsync(context);
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength is null or > MaxFormBytes || !request.HasFormContentType)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var form = await request.ReadFormAsync(context.RequestAborted);
        var token = form["token"].ToString();
        var returnTo = ReturnTargets.Safe(form["return"].ToString());
        var address = ChallengeMiddleware.AddressOf(context);
        var ticket = tokens.Open(token);
        var result = ticket is null || !tokens.IsFresh(ticket, address) || !ChallengeTokens.IsProof(token, form["counter"].ToString(), ticket.Difficulty)
            ? ChallengeResult.Failed
            : used.TryUse(ticket.Nonce, ticket.IssuedAt + ChallengeTokens.AnswerWindow + TimeSpan.FromMinutes(1)) ? ChallengeResult.Passed : ChallengeResult.Replayed;
        counter.Count(result);
        if (result != ChallengeResult.Passed)
        {
            // A fresh challenge at the difficulty the client was given, so a real browser that was
            // merely too slow gets through on its next try.
            var difficulty = ticket?.Difficulty ?? 4;
            counter.Count(ChallengeResult.Issued);
            await ChallengePage.WriteAsync(context, tokens.Issue(address, difficulty, ticket?.ValidMinutes ?? 60), difficulty, returnTo);
            return;
        }

        context.Response.Cookies.Append(ChallengePaths.ClearanceCookie, tokens.Clear(address, ticket!.ValidMinutes), new CookieOptions
        {
            HttpOnly = true,
            Secure = request.IsHttps,
            SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
            Path = "/",
            MaxAge = TimeSpan.FromMinutes(ticket.ValidMinutes),
        });
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers[HeaderNames.Location] = returnTo;
    }
}
