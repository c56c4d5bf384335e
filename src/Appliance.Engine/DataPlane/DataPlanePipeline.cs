using Appliance.Engine.Caching;
using Appliance.Engine.Challenge;
using Appliance.Engine.Compression;
using Appliance.Engine.Configuration;
using Appliance.Engine.Forwarding;
using Appliance.Engine.HeaderRules;
using Appliance.Engine.Maintenance;
using Appliance.Engine.Metrics;
using Appliance.Engine.Mirroring;
using Appliance.Engine.PoolLimits;
using Appliance.Engine.Routing;
using Appliance.Engine.Security;
using Appliance.Engine.Security.Bans;
using Appliance.Engine.Security.Shield;
using Appliance.Engine.Tls;
using Appliance.Engine.Tls.Acme;
using Microsoft.AspNetCore.Builder;

namespace Appliance.Engine.DataPlane;

/// <summary>
/// The request path of the data plane, in order. Each step is its feature's <c>Use…()</c>, next
/// to the feature's <c>Add…()</c>; the reasons for the order are on those methods.
/// </summary>
internal static class DataPlanePipeline
{
    public static void Configure(WebApplication app)
    {
        // YARP registers authorization services, so WebApplication would add its authorization
        // middleware in front of the proxy unless this key (UseAuthorization's own) says it is
        // there. No route of ours carries an authorization policy; the middleware only cost every
        // request an async step and an Items dictionary (seen in the profile, see bench/README.md).
        ((IApplicationBuilder)app).Properties["__AuthorizationMiddlewareSet"] = true;
        app.UseClientAddress();
        app.UseRequestRecording();
        app.UseBans();
        app.UseCanonicalPath();
        app.UseAcmeHttpChallenge();
        app.UseChallengeAnswers();
        app.UseErrorPages();
        app.UseRequestBodyLimit();
        app.UseRouting();
        app.UseNotFoundWhenUnmatched();
        app.MapReverseProxy(proxy =>
        {
            proxy.UseRoutePlan();
            proxy.UseResponseHeaderRules();
            proxy.UseHttpsPolicy();
            proxy.UseShield();
            proxy.UseMaintenance();
            proxy.UseChallenge();
            proxy.UseRedirects();
            proxy.UseCompression();
            proxy.UseResponseCache();
            proxy.UseTrafficSplit();
            proxy.UsePoolLimits();
            proxy.UseMirroring();
            proxy.UseRetry();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
    }
}
