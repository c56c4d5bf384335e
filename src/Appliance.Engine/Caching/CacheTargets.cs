namespace Appliance.Engine.Caching;

/// <summary>
/// The targeted cache fields (RFC 9213) this cache obeys, most specific first: its own field
/// (<c>Appliance-Cache-Control</c> unless <see cref="CacheOptions.TargetedFieldName"/> renames it), then
/// CDN-Cache-Control when <see cref="CacheOptions.HonorCdnCacheControl"/> is on; and those it takes off
/// responses before they leave, because they were meant for it alone.
/// </summary>
internal sealed class CacheTargets
{
    public const string CdnCacheControl = "CDN-Cache-Control";

    public const string DefaultOwnField = "Appliance-Cache-Control";

    public CacheTargets(string ownField, bool honorCdn, bool forwardCdn)
    {
        Fields = honorCdn ? [ownField, CdnCacheControl] : [ownField];

        // The own field targets this appliance only; CDN-Cache-Control targets every CDN, so one in front of
        // the appliance may still want it (ForwardCdnCacheControl), but not when the appliance ignores it.
        Removed = honorCdn && !forwardCdn ? [ownField, CdnCacheControl] : [ownField];
    }

    /// <summary>The defaults: Appliance-Cache-Control (consumed here), then CDN-Cache-Control (passed on too).</summary>
    public static CacheTargets Default { get; } = new(DefaultOwnField, honorCdn: true, forwardCdn: true);

    /// <summary>Target list order (RFC 9213 §2.2): the first field present with a valid, non-empty value decides.</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The fields never sent downstream.</summary>
    public IReadOnlyList<string> Removed { get; }

    public static CacheTargets Of(CacheOptions options) =>
        new(options.TargetedFieldName, options.HonorCdnCacheControl, options.ForwardCdnCacheControl);

    public bool IsRemoved(string name)
    {
        foreach (var removed in Removed)
        {
            if (removed.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
