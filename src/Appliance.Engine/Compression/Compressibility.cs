using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Appliance.Engine.Compression;

/// <summary>
/// Whether a response is worth compressing and may be: text-like types (text/*, JSON, JavaScript,
/// XML, SVG, wasm) of at least 1 KiB, not already encoded, not a range, not marked no-transform.
/// Images, video and archives are compressed already; small bodies grow.
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

    /// <summary>Checks a response's status and headers; <paramref name="length"/> is the body's size when known.</summary>
    public static bool MayCompress(int statusCode, IHeaderDictionary headers, long? length) =>
        statusCode is >= 200 and not 204 and not 206 and not 304
        && StringValues.IsNullOrEmpty(headers.ContentEncoding)
        && StringValues.IsNullOrEmpty(headers.ContentRange)
        && IsCompressibleType(headers.ContentType)
        && (length ?? headers.ContentLength ?? MinimumBytes) >= MinimumBytes
        && !headers.CacheControl.ToString().Contains("no-transform", StringComparison.OrdinalIgnoreCase);
}
