using System.Net;
using Appliance.Engine.Configuration;
using Appliance.Engine.CustomErrorPages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Appliance.Engine.Security;

/// <summary>
/// The small pages the proxy answers with when it has nothing better: they say what happened in
/// general terms and carry the request id for support, and never name a backend or show a trace.
/// Every page the appliance writes itself goes through here, so an operator's page for the status
/// (<see cref="ErrorPageSet"/>, from the request's plan: the route's, else the global one) takes the
/// default's place wherever the request has a plan.
/// </summary>
internal static class ErrorPages
{
    /// <summary>
    /// Writes the page for <paramref name="statusCode"/>: the operator's, or the generic one with
    /// <paramref name="explanation"/> (or the status's usual one); the response must not have started.
    /// </summary>
    public static Task WriteAsync(HttpContext context, int statusCode, string? explanation = null)
    {
        var response = context.Response;
        var requestId = context.Features.Get<Metrics.IRequestIdFeature>()?.RequestId;
        response.Clear();
        response.StatusCode = statusCode;
        if (requestId is not null)
        {
            response.Headers[Metrics.RequestIdFeature.HeaderName] = requestId;
        }

        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return Task.CompletedTask;
        }

        if (context.Features.Get<RoutePlan>()?.Find<ErrorPageSet>()?.For(statusCode) is { } page)
        {
            return response.WriteAsync(page.Render(statusCode, ReasonPhrases.GetReasonPhrase(statusCode), requestId ?? ""));
        }

        var reason = WebUtility.HtmlEncode(ReasonPhrases.GetReasonPhrase(statusCode));
        var encodedRequestId = WebUtility.HtmlEncode(requestId ?? "");
        var html = $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{statusCode} {reason}</title></head>"
            + $"<body><h1>{statusCode} {reason}</h1><p>{explanation ?? Explain(statusCode)}</p><p><small>Request id: {encodedRequestId}</small></p></body></html>";
        return response.WriteAsync(html);
    }

    private static string Explain(int statusCode) => statusCode switch
    {
        StatusCodes.Status401Unauthorized => "Sign in to use this site.",
        StatusCodes.Status403Forbidden => "Access to this site is not allowed from your address.",
        StatusCodes.Status404NotFound => "Nothing is served at this address.",
        StatusCodes.Status429TooManyRequests => "Too many requests from your address. Please wait a moment and try again.",
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this site accepts.",
        StatusCodes.Status502BadGateway => "The service behind this site did not answer properly. Please try again shortly.",
        StatusCodes.Status503ServiceUnavailable => "The service is unavailable right now. Please try again shortly.",
        StatusCodes.Status504GatewayTimeout => "The service behind this site took too long to answer. Please try again shortly.",
        _ => "The request could not be completed.",
    };
}
