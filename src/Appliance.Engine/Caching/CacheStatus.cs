using System.Globalization;

namespace Appliance.Engine.Caching;

/// <summary>
/// The appliance's member of the Cache-Status field (RFC 9211): a hit with its ttl, or why the request
/// went forward, what the origin answered, whether the answer was stored, and a detail word.
/// </summary>
internal static class CacheStatus
{
    public const string HeaderName = "Cache-Status";

    /// <summary>The cache's name, the member's first item (§2).</summary>
    public const string CacheName = "Appliance";

    /// <summary>fwd (§2.2): nothing was stored for the URL.</summary>
    public const string UriMiss = "uri-miss";

    /// <summary>fwd (§2.2): responses were stored for the URL, but none for this request's values of the fields they vary on.</summary>
    public const string VaryMiss = "vary-miss";

    /// <summary>fwd (§2.2): a stored response needed validation.</summary>
    public const string Stale = "stale";

    /// <summary>fwd (§2.2): a fresh stored response was selected, but the request did not allow its use.</summary>
    public const string Request = "request";

    /// <summary>detail (§2.8): a stale response answered while the origin is asked in the background.</summary>
    public const string StaleWhileRevalidateDetail = "stale-while-revalidate";

    /// <summary>detail (§2.8): a stale response stood in for a failing origin.</summary>
    public const string StaleIfErrorDetail = "stale-if-error";

    /// <summary>detail (§2.8): the answer came from the disk tier.</summary>
    public const string DiskDetail = "disk";

    /// <summary>The detail that names where a hit came from: nothing for memory, the usual place.</summary>
    public static string? TierDetail(Disk.CacheTier tier) => tier == Disk.CacheTier.Disk ? DiskDetail : null;

    /// <summary>
    /// Why a request that was not answered from the store goes forward, most specific first (§2.2): what
    /// the store held for its URL, for its variant, and whether that was fresh (so the request refused it).
    /// </summary>
    public static string ForwardReason(bool urlStored, bool variantStored, bool variantFresh) =>
        !urlStored ? UriMiss : !variantStored ? VaryMiss : variantFresh ? Request : Stale;

    /// <summary>A request answered from the store (§2.1), with the answer's remaining freshness, negative when stale (§2.4).</summary>
    public static string Hit(long ttl, string? detail = null) =>
        WithDetail(string.Create(CultureInfo.InvariantCulture, $"{CacheName}; hit; ttl={ttl}"), detail);

    /// <summary>A request that waited for another's fetch of the same object and reused its answer (§2.7): it went forward with it.</summary>
    public static string Collapsed(string fwd, long ttl) =>
        string.Create(CultureInfo.InvariantCulture, $"{CacheName}; fwd={fwd}; collapsed; ttl={ttl}");

    /// <summary>
    /// A request that went forward (§2.2), with the origin's status when it is worth saying (§2.3), whether it
    /// waited for another's fetch that left nothing to reuse (collapsed=?0, §2.7) and, when the answer was
    /// stored, its ttl (§2.5, §2.4).
    /// </summary>
    public static string Forwarded(string fwd, int? fwdStatus = null, long? storedTtl = null, string? detail = null, bool collapseFailed = false)
    {
        var value = $"{CacheName}; fwd={fwd}";
        if (fwdStatus is { } status)
        {
            value += string.Create(CultureInfo.InvariantCulture, $"; fwd-status={status}");
        }

        if (collapseFailed)
        {
            value += "; collapsed=?0";
        }

        if (storedTtl is { } ttl)
        {
            value += string.Create(CultureInfo.InvariantCulture, $"; stored; ttl={ttl}");
        }

        return WithDetail(value, detail);
    }

    private static string WithDetail(string value, string? detail) => detail is null ? value : $"{value}; detail={detail}";
}
