using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Routing.Rules;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Routing.Testing;

/// <summary>
/// "Which route takes this request?": runs a made-up request through the data plane's own route
/// match (<see cref="RoutingDryRun"/>), then reads what each later step would do from the plan of
/// the route it matched, in the order the steps run. Nothing is sent to a backend, no counter is
/// touched and no password is checked.
/// </summary>
public sealed class RouteTester(SnapshotStore snapshots, DataPlaneHost dataPlane, Tls.HttpsEndpoint https)
{
    public async Task<RouteTestResult> TestAsync(RouteTestRequest test)
    {
        var serving = snapshots.Serving;
        if (PassthroughFor(test, serving) is { } passthrough)
        {
            return new RouteTestResult { Revision = serving.Revision, Outcome = RouteTestOutcomes.Passthrough, Passthrough = passthrough };
        }

        var context = RouteTestContext.Create(test, dataPlane.Services);
        await dataPlane.RoutingDryRun(context);
        var request = context.Request;
        if (context.Response.StatusCode == StatusCodes.Status400BadRequest)
        {
            return new RouteTestResult { Revision = serving.Revision, Outcome = RouteTestOutcomes.Rejected, Status = StatusCodes.Status400BadRequest };
        }

        var matched = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config;
        var plan = matched is null ? null : snapshots.PlanFor(matched);
        var result = new RouteTestResult
        {
            Revision = plan?.Revision ?? serving.Revision,
            CanonicalPath = request.Path.Value,
            Candidates = Candidates(serving, plan?.RouteId, request),
        };

        result = plan is null
            ? result with { Outcome = RouteTestOutcomes.NotFound, Status = StatusCodes.Status404NotFound }
            : Decide(result with { Route = plan.RouteId }, plan, matched!, context);
        return result with { ErrorPage = RouteTestErrorPages.For(result.Status, plan, serving) };
    }

    // The HTTPS port hands a connection to a passthrough stream by the ClientHello's server name,
    // which a client takes from the URL's host, before TLS ends and so before any route is tried.
    private static RouteTestPassthrough? PassthroughFor(RouteTestRequest test, ProxySnapshot serving)
    {
        var (scheme, authority, _) = RouteTestContext.Split(test.Url);
        if (scheme != Uri.UriSchemeHttps || serving.Parts.Get<Streams.StreamsPlan>() is not { HasPassthrough: true } streams)
        {
            return null;
        }

        var host = HostString.FromUriComponent(authority).Host;
        return streams.ForServerName(host) is { } stream ? new RouteTestPassthrough(stream.Name, stream.Pool) : null;
    }

    // Each route in the order they are tried, and the first thing that ruled it out.
    private static RouteTestCandidate[] Candidates(ProxySnapshot serving, string? chosen, HttpRequest request)
    {
        var ordered = serving.Plans.Values.Select(p => p.Get<ConfiguredRoute>().Spec).Order(RouteSpecificity.Instance).ToArray();
        var seenChosen = false;
        return ordered.Select(route =>
        {
            if (route.Name == chosen)
            {
                seenChosen = true;
                return new RouteTestCandidate(route.Name, true, "takes the request");
            }

            var reason = RouteCandidateCheck.ReasonAgainst(route, request)
                ?? (seenChosen ? $"matches too, but '{chosen}' is tried first" : chosen is null ? "matches, but the data plane did not take it" : $"matches, but the data plane took '{chosen}'");
            return new RouteTestCandidate(route.Name, false, reason);
        }).ToArray();
    }

    // The steps after the match, in the data plane's order: HTTPS redirect, access lists, redirect route, forwarding.
    private RouteTestResult Decide(RouteTestResult result, RoutePlan plan, Yarp.ReverseProxy.Configuration.RouteConfig matched, HttpContext context)
    {
        var request = context.Request;
        var responses = plan.Get<Caching.RouteResponsePolicy>();
        var spec = plan.Get<ConfiguredRoute>().Spec;
        result = result with
        {
            RequestHeaders = IsEmpty(spec.RequestHeaders) ? null : spec.RequestHeaders,
            ResponseHeaders = IsEmpty(spec.ResponseHeaders) ? null : spec.ResponseHeaders,
            CacheRule = responses.RuleFor(request.Path.Value ?? "/")?.Name,
            Compression = responses.Compression,
        };

        if (!request.IsHttps && plan.Get<Tls.RouteHttpsPolicy>().RedirectToHttps)
        {
            var (status, location) = Tls.HttpsPolicyMiddleware.RedirectFor(request, https.PublicPort);
            return result with { Outcome = RouteTestOutcomes.HttpsRedirect, Status = status, Redirect = new RouteTestRedirect(status, location) };
        }

        var shield = plan.Get<Security.Shield.RouteShield>();
        var lists = RouteTestShield.AccessLists(shield, context.Connection.RemoteIpAddress);
        result = result with { AccessLists = lists, RateLimits = RouteTestShield.RateLimits(shield) };
        if (lists.FirstOrDefault(l => l.Allowed == false) is not null)
        {
            return result with { Outcome = RouteTestOutcomes.Denied, Status = StatusCodes.Status403Forbidden };
        }

        if (lists.Any(l => l.AsksForSignIn) && !request.Headers.ContainsKey("Authorization"))
        {
            return result with { Outcome = RouteTestOutcomes.SignIn, Status = StatusCodes.Status401Unauthorized };
        }

        // After the shield, as in the pipeline: a denied address still gets the access list's answer.
        var maintenance = plan.Get<Maintenance.RouteMaintenance>();
        if (maintenance.Enabled)
        {
            var allowed = maintenance.Allows(context.Connection.RemoteIpAddress);
            result = result with { Maintenance = new RouteTestMaintenance(allowed, maintenance.RetryAfter) };
            if (!allowed)
            {
                return result with { Outcome = RouteTestOutcomes.Maintenance, Status = StatusCodes.Status503ServiceUnavailable };
            }
        }

        var redirect = plan.Get<RouteRedirect>();
        if (redirect.IsActive)
        {
            var location = RedirectMiddleware.LocationFor(redirect, request);
            return result with { Outcome = RouteTestOutcomes.Redirect, Status = redirect.Status, Redirect = new RouteTestRedirect(redirect.Status, location) };
        }

        return result with
        {
            Outcome = RouteTestOutcomes.Forward,
            ForwardPath = ForwardPath(request, matched) + request.QueryString.Value,
            Targets = Targets(plan.Get<RouteSplit>(), request),
            Mirror = plan.Get<Mirroring.RouteMirror>() is { Pool: { } pool } mirror ? new RouteTestMirror(pool, mirror.Percent) : null,
        };
    }

    private static bool IsEmpty(Data.Model.HeaderRulesSpec rules) => rules.Set.Count == 0 && rules.Remove.Count == 0;

    private static string ForwardPath(HttpRequest request, Yarp.ReverseProxy.Configuration.RouteConfig matched) =>
        matched.Metadata is { } metadata
        && metadata.TryGetValue(RouteRuleMetadata.PathPrefix, out var prefix)
        && metadata.TryGetValue(RouteRuleMetadata.RewritePath, out var replacement)
            ? CanonicalPathTransformProvider.RewrittenPath(request, prefix, replacement)
            : CanonicalPath.ForwardOf(request);

    private static RouteTestTarget[] Targets(RouteSplit split, HttpRequest request)
    {
        var sticky = split.Sticky ? request.Cookies[split.CookieName] : null;
        var stuck = sticky is null ? null : split.Targets.FirstOrDefault(t => t.Weight > 0 && t.CookieValue == sticky);
        return split.Targets
            .Select(t => new RouteTestTarget(t.Pool, t.Weight, split.TotalWeight == 0 ? 0 : Math.Round(100.0 * t.Weight / split.TotalWeight, 2), ReferenceEquals(t, stuck)))
            .ToArray();
    }
}
