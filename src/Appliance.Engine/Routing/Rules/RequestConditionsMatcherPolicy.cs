using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Routing.Rules;

/// <summary>
/// Endpoint selection for the conditions YARP cannot decide (<see cref="RequestConditions"/>): a
/// route whose cookie or query-absence conditions fail is not a candidate, so the next route in
/// specificity order takes the request, exactly as when YARP's header matcher refuses one. It runs
/// on the request as routing sees it, after <c>UseCanonicalPath</c>.
/// </summary>
internal sealed class RequestConditionsMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    // Parsed once per route config (a new revision brings new configs; old ones are collected).
    private readonly ConditionalWeakTable<RouteConfig, RequestConditions> _compiled = new();

    // After YARP's header and query policies, which are cheaper.
    public override int Order => 1000;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => ConditionsOf(e) is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i)
                && ConditionsOf(candidates[i].Endpoint) is { } metadata
                && !_compiled.GetValue(metadata.Config, static config => RequestConditions.Parse(config.Metadata![RequestConditions.MetadataKey])).Matches(httpContext.Request))
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }

    private static RouteModel? ConditionsOf(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<RouteModel>() is { Config.Metadata: { } metadata } route && metadata.ContainsKey(RequestConditions.MetadataKey)
            ? route
            : null;
}
