using Appliance.Engine.Configuration;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.HeaderRules;

/// <summary>
/// The response side of the header rules. They are applied when the response starts, whoever wrote
/// it: the backend, the cache (a hit is stored without them, so a hit gets this request's
/// <c>{request_id}</c>, never the one that filled the entry), or the appliance's own pages. Being
/// registered first, the callback runs after every other step's start callback.
/// </summary>
internal sealed class ResponseHeaderRulesMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var rules = context.GetRoutePlan().Get<RouteHeaderRules>().Response;
        if (!rules.IsEmpty)
        {
            context.Response.OnStarting(static state =>
            {
                var (http, rules) = ((HttpContext, HeaderRuleSet))state;
                rules.ApplyTo(http.Response.Headers, rules.UsesPlaceholders ? HeaderPlaceholderValues.Of(http) : default);
                return Task.CompletedTask;
            }, (context, rules));
        }

        return next(context);
    }
}
