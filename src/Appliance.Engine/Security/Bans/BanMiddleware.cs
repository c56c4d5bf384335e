using System.Net;
using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Routing;
using Appliance.Engine.Security.TurnedAway;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Security.Bans;

/// <summary>
/// Right inside the request recording, for every request: a banned client is refused (its
/// connection closed; behind a trusted proxy, whose connection carries other clients too, a 403),
/// and once the answer is settled, it is counted against the enabled ban rules, whether a route
/// took the request or none did. The rules come from the request's plan; a request refused before
/// it had one (a path the canonical form refuses, a body over the limit) counts by its status alone.
/// </summary>
internal sealed class BanMiddleware(
    RequestDelegate next, BanTable table, BanService bans, BanCounter counter, BanExemptions exemptions, BanStatistics statistics, SnapshotStore snapshots, ITurnedAwayRecorder turnedAway)
{
    private const int MaxPathInReason = 100;

    public async Task InvokeAsync(HttpContext context)
    {
        var client = context.Connection.RemoteIpAddress;
        if (client is not null && table.IsBanned(client))
        {
            await RefuseAsync(context);
            return;
        }

        await next(context);
        if (client is not null)
        {
            Count(context, client);
        }
    }

    private void Count(HttpContext context, IPAddress client)
    {
        var plan = context.Features.Lookup<RoutePlan>();
        var rules = (plan ?? snapshots.UnmatchedPlan()).Find<BanRulesPlan>()?.Rules;
        if (rules is null || rules.Count == 0)
        {
            return;
        }

        var status = context.Response.StatusCode;
        var path = plan is null ? null : context.Features.Lookup<CanonicalPath>()?.Decision ?? context.Request.Path.Value;
        bool? exempt = null;
        foreach (var rule in rules)
        {
            if (!rule.Matches(status, path))
            {
                continue;
            }

            exempt ??= exemptions.IsExempt(client);
            if (exempt.Value)
            {
                return;
            }

            var key = BanKey.Of(client);
            var count = counter.Hit(rule, key);
            if (count >= rule.Threshold)
            {
                counter.Forget(rule.Name, key);
                bans.BanAutomatically(rule, key, Reason(context, rule, count, status, path));
            }
        }
    }

    private static string Reason(HttpContext context, CompiledBanRule rule, int count, int status, string? path)
    {
        var shown = path is null ? "(refused path)" : path.Length > MaxPathInReason ? path[..MaxPathInReason] + "…" : path;
        return $"{count} answers matching '{rule.Name}' within {(int)rule.Window.TotalSeconds} s; the last: {context.Request.Method} {shown} → {status}.";
    }

    private Task RefuseAsync(HttpContext context)
    {
        statistics.RefusedRequest();
        turnedAway.Record(TurnedAwayReason.Banned, context.Connection.RemoteIpAddress);
        if (context.Features.Get<TrustedProxyConnection>() is not null)
        {
            return ErrorPages.WriteAsync(context, StatusCodes.Status403Forbidden);
        }

        // Nothing is sent; the status is what the metrics and the access log record: refused.
        context.Response.StatusCode = StatusCodes.Status403Forbidden;

        // HTTP/2 and HTTP/3 would close only the stream: the connection is asked to close as well.
        context.Features.Get<IConnectionLifetimeNotificationFeature>()?.RequestClose();
        context.Abort();
        return Task.CompletedTask;
    }
}
