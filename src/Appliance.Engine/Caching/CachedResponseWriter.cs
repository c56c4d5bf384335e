using System.Globalization;
using Appliance.Engine.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Caching;

/// <summary>Writes a stored response to a client: status, stored headers, Age, Cache-Status, and the body or a 304.</summary>
internal sealed class CachedResponseWriter(ResponseCache cache)
{
    // Answers from an entry: 304 when the client's own validators match, else the stored response
    // in the best encoding the client accepts (kept with the entry once made), with its Age.
    public async Task WriteAsync(HttpContext context, CachedResponse entry, RouteResponsePolicy policy, string cacheStatus, DateTimeOffset now)
    {
        var request = context.Request;
        var response = context.Response;
        var coding = policy.Compression && !entry.NoTransform && Compressibility.IsCompressibleType(entry.Header(HeaderNames.ContentType))
            && entry.Header(HeaderNames.ContentEncoding) is null && entry.Body.Length >= Compressibility.MinimumBytes && entry.StatusCode == StatusCodes.Status200OK
                ? AcceptEncoding.Choose(request.Headers.AcceptEncoding)
                : null;

        response.StatusCode = entry.StatusCode;
        foreach (var header in entry.Headers)
        {
            response.Headers[header.Key] = header.Value;
        }

        response.Headers.Age = ((long)entry.CurrentAge(now).TotalSeconds).ToString(CultureInfo.InvariantCulture);
        response.Headers["Cache-Status"] = cacheStatus;
        var etag = entry.ETag;
        if (coding is not null)
        {
            response.Headers.ContentEncoding = coding;
            response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);

            // A strong validator names exact bytes: an encoded body gets a weak one (RFC 9110 §8.8.1).
            if (etag is not null && !etag.StartsWith("W/", StringComparison.Ordinal))
            {
                etag = "W/" + etag;
                response.Headers.ETag = etag;
            }
        }

        if (IsNotModified(request, etag ?? entry.ETag, entry.LastModified))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.Headers.ContentLength = null;
            response.Headers.Remove(HeaderNames.ContentEncoding);
            return;
        }

        var body = coding is null ? entry.Body : EncodedBody(entry, coding);
        response.Headers.ContentLength = body.Length;
        if (!HttpMethods.IsHead(request.Method) && body.Length > 0)
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private byte[] EncodedBody(CachedResponse entry, string coding)
    {
        if (entry.Encoded.TryGetValue(coding, out var encoded))
        {
            return encoded;
        }

        encoded = Compressor.Encode(entry.Body, coding);
        if (entry.Encoded.TryAdd(coding, encoded))
        {
            cache.Grew(entry, encoded.Length);
        }

        return entry.Encoded[coding];
    }

    // RFC 9110 §13.1.2 and §13.2.2: If-None-Match (weak comparison) wins over If-Modified-Since.
    private static bool IsNotModified(HttpRequest request, string? etag, DateTimeOffset? lastModified)
    {
        var ifNoneMatch = request.Headers.IfNoneMatch;
        if (!StringValues.IsNullOrEmpty(ifNoneMatch))
        {
            if (etag is null)
            {
                return false;
            }

            var opaque = Opaque(etag);
            return ifNoneMatch.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Any(candidate => candidate == "*" || Opaque(candidate) == opaque);
        }

        return lastModified is { } modified
            && HeaderUtilities.TryParseDate(request.Headers.IfModifiedSince.ToString(), out var since)
            && modified <= since;
    }

    private static string Opaque(string etag) => etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag;
}
