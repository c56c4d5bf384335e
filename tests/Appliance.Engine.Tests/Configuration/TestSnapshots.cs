using Appliance.Engine.Caching;
using Appliance.Engine.Challenge;
using Appliance.Engine.Configuration;
using Appliance.Engine.Mirroring;
using Appliance.Engine.CustomErrorPages;
using Appliance.Engine.HeaderRules;
using Appliance.Engine.Maintenance;
using Appliance.Engine.PoolLimits;
using Appliance.Engine.Routing;
using Appliance.Engine.Routing.Rules;
using Appliance.Engine.Security.Shield;
using Appliance.Engine.Tls;

namespace Appliance.Engine.Tests.Configuration;

/// <summary>A snapshot builder with every feature's plan compiler, as the data plane registers them.</summary>
internal static class TestSnapshots
{
    public static IRoutePlanCompiler[] Compilers() =>
        [new RouteHttpsPolicyCompiler(), new RouteShieldCompiler(), new RouteResponsePolicyCompiler(new Appliance.Engine.Caching.CacheOptions()), new RouteSplitCompiler(), new RouteRedirectCompiler(), new RouteMirrorCompiler(),
            new RouteHeaderRulesCompiler(), new RouteMaintenanceCompiler(), new RouteChallengeCompiler(), new ErrorPageSetCompiler(), new PoolLimitsCompiler(), new Appliance.Engine.Security.Bans.BanRulesCompiler()];

    public static SnapshotBuilder Builder(SnapshotBuilderOptions? options = null) => new(options ?? new SnapshotBuilderOptions(), Compilers());
}
