namespace Appliance.Web.Hosting;

/// <summary>Settings of the control plane, from <c>Appliance:Admin</c>.</summary>
public static class AdminOptions
{
    public const string UrlsKey = "Appliance:Admin:Urls";

    /// <summary>Loopback only: the admin surface is never exposed unless an operator decides to.</summary>
    public const string DefaultUrls = "http://127.0.0.1:8081";

    public const string MaxRequestBodyBytesKey = "Appliance:Admin:MaxRequestBodyBytes";

    /// <summary>
    /// The largest request body the control plane reads (413 beyond it). A whole configuration of a
    /// large appliance is well under 1 MiB; Kestrel's 30 MB default would let one request hold tens
    /// of megabytes of parsed JSON in memory.
    /// </summary>
    public const long DefaultMaxRequestBodyBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Addresses and CIDR ranges of the proxies, tunnels or bastions in front of the admin site whose
    /// X-Forwarded-For, -Proto and -Host are believed. None by default: without a proxy in front, those
    /// headers are whatever the client wants them to be.
    /// </summary>
    public const string TrustedProxiesKey = "Appliance:Admin:TrustedProxies";
}
