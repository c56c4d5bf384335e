namespace Appliance.Engine.Compression;

/// <summary>
/// Whether a response is worth compressing: text-like types (text/*, JSON, JavaScript, XML, SVG,
/// wasm) of at least 1 KiB. Images, video and archives are compressed already; small bodies grow.
/// Whether it may be is <see cref="ContentEncodingHeaders"/>'s decision.
/// </summary>
public static class Compressibility
{
    public const int MinimumBytes = 1024;

    public static bool IsCompressibleType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var mediaType = contentType.Split(';', 2)[0].Trim().ToLowerInvariant();
        return mediaType.StartsWith("text/", StringComparison.Ordinal)
            || mediaType is "application/json" or "application/javascript" or "application/x-javascript" or "application/ecmascript"
                or "application/xml" or "image/svg+xml" or "application/wasm" or "application/manifest+json"
            || mediaType.EndsWith("+json", StringComparison.Ordinal)
            || mediaType.EndsWith("+xml", StringComparison.Ordinal);
    }
}
