using Appliance.Data.ConfigKinds.AccessLists;
using Appliance.Data.ConfigKinds.AlertChannels;
using Appliance.Data.ConfigKinds.AlertRules;
using Appliance.Data.ConfigKinds.BanRules;
using Appliance.Data.ConfigKinds.CacheRules;
using Appliance.Data.ConfigKinds.ChallengeSettings;
using Appliance.Data.ConfigKinds.ErrorPages;
using Appliance.Data.ConfigKinds.Pools;
using Appliance.Data.ConfigKinds.RateLimits;
using Appliance.Data.ConfigKinds.Routes;
using Appliance.Data.ConfigKinds.Streams;

namespace Appliance.Data.ConfigKinds;

/// <summary>Every kind of configuration object the store writes: adding a kind is adding it here.</summary>
internal static class Kinds
{
    public static PoolKind Pools { get; } = new();

    public static AccessListKind AccessLists { get; } = new();

    public static RateLimitKind RateLimits { get; } = new();

    public static RouteKind Routes { get; } = new();

    public static CacheRuleKind CacheRules { get; } = new();

    public static ErrorPageKind ErrorPages { get; } = new();

    public static StreamKind Streams { get; } = new();

    public static AlertChannelKind AlertChannels { get; } = new();

    public static AlertRuleKind AlertRules { get; } = new();

    public static BanRuleKind BanRules { get; } = new();

    public static ChallengeSettingsKind ChallengeSettings { get; } = new();

    /// <summary>
    /// A kind comes after the kinds its objects refer to: rows are added in this order, so a route's
    /// targets find the pools an import adds with it.
    /// </summary>
    public static IReadOnlyList<IConfigKind> All { get; } = [Pools, AccessLists, RateLimits, Routes, CacheRules, ErrorPages, Streams, AlertChannels, AlertRules, BanRules, ChallengeSettings];
}
