namespace Appliance.Data.Model;

/// <summary>How a cache rule treats responses that carry no freshness information.</summary>
public static class CacheModes
{
    /// <summary>Only what the origin's headers allow is stored (max-age, s-maxage, Expires).</summary>
    public const string FollowOrigin = "FollowOrigin";

    /// <summary>As <see cref="FollowOrigin"/>, and responses without freshness information stay fresh for the rule's default TTL.</summary>
    public const string DefaultTtl = "DefaultTtl";

    public static IReadOnlyList<string> All { get; } = [FollowOrigin, DefaultTtl];
}
