namespace Appliance.Engine.Compression;

/// <summary>The content codings the appliance produces, in its order of preference.</summary>
public static class ContentCodings
{
    public const string Brotli = "br";
    public const string Zstd = "zstd";
    public const string Gzip = "gzip";

    /// <summary>Brotli compresses text best, zstd is fastest at a similar ratio, gzip is what everything accepts.</summary>
    public static IReadOnlyList<string> Preferred { get; } = [Brotli, Zstd, Gzip];
}
