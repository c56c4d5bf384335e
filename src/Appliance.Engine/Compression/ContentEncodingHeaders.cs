using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Compression;

/// <summary>
/// The one decision on content codings that the cache (encoding stored entries once, kept as
/// variants) and on-the-fly compression (encoding streams) share: whether a response may be
/// encoded at all, and what an encoded response's headers then say. Without it the two drift
/// apart and a response changes its headers depending on whether the cache answered it.
/// </summary>
internal static class ContentEncodingHeaders
{
    /// <summary>
    /// True when a response may carry a coding the appliance adds: a final status with content that
    /// is not a part (RFC 9110 §15.3.5, §15.3.7, §15.4.5), not already encoded (§8.4), of a type worth
    /// compressing and at least <see cref="Compressibility.MinimumBytes"/> long, and not marked
    /// no-transform (RFC 9111 §5.2.2.6). <paramref name="length"/> is the body's size as far as it is known.
    /// </summary>
    public static bool MayEncode(int statusCode, string? contentType, string? contentEncoding, string? contentRange, string? cacheControl, long length) =>
        statusCode is >= 200 and not 204 and not 206 and not 304
        && string.IsNullOrEmpty(contentEncoding)
        && string.IsNullOrEmpty(contentRange)
        && Compressibility.IsCompressibleType(contentType)
        && length >= Compressibility.MinimumBytes

        // A plain text search, not a parse: a malformed Cache-Control that names no-transform is still obeyed.
        && cacheControl?.Contains("no-transform", StringComparison.OrdinalIgnoreCase) != true;

    /// <inheritdoc cref="MayEncode(int, string?, string?, string?, string?, long)"/>
    public static bool MayEncode(int statusCode, IHeaderDictionary headers, long length) =>
        MayEncode(statusCode, headers.ContentType, headers.ContentEncoding, headers.ContentRange, headers.CacheControl, length);

    /// <summary>
    /// Marks headers as those of a body encoded with <paramref name="coding"/>: Content-Encoding names it,
    /// Vary tells caches downstream that the answer depends on Accept-Encoding (RFC 9110 §12.5.5), and a
    /// strong ETag becomes weak, since it named the exact bytes of the unencoded body (§8.8.1, §8.8.3).
    /// Content-Length is the caller's: a stored body knows its encoded length, a stream does not.
    /// </summary>
    public static void Apply(IHeaderDictionary headers, string coding)
    {
        headers.ContentEncoding = coding;
        headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        if (headers.ETag.ToString() is { Length: > 0 } etag && !etag.StartsWith("W/", StringComparison.Ordinal))
        {
            headers.ETag = "W/" + etag;
        }
    }
}
