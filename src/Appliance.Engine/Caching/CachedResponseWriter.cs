using Appliance.Engine.Caching.Ranges;
using Appliance.Engine.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Caching;

/// <summary>
/// Writes a stored response to a client: status, stored headers, Age, Cache-Status, and the body in
/// the client's coding or a 304; and clears what the origin's own answer put on the response first.
/// </summary>
internal sealed class CachedResponseWriter(ResponseCache cache, CacheTargets targets)
{
    // Answers from an entry: 304 when the client's own validators match, else the stored response
    // in the best encoding the client accepts (kept with the entry once made), with its Age.
    public async Task WriteAsync(HttpContext context, CachedResponse entry, RouteResponsePolicy policy, string cacheStatus, DateTimeOffset now)
    {
        var request = context.Request;
        var response = context.Response;
        var coding = policy.Compression && KeepsEncodedVariants(entry)
            ? AcceptEncoding.Choose(request.Headers.AcceptEncoding)
            : null;

        response.StatusCode = entry.StatusCode;
        foreach (var header in entry.Headers)
        {
            // Stored to be re-read on revalidation, but meant for this cache alone (RFC 9213).
            if (!targets.IsRemoved(header.Key))
            {
                response.Headers[header.Key] = header.Value;
            }
        }

        response.Headers.Age = CacheAge.HeaderValue(entry.CurrentAge(now));
        response.Headers[CacheStatus.HeaderName] = cacheStatus;
        if (entry.StatusCode == StatusCodes.Status200OK)
        {
            response.Headers.AcceptRanges = "bytes";
        }

        if (coding is not null)
        {
            ContentEncodingHeaders.Apply(response.Headers, coding);
        }

        // Weak comparison: whether the ETag was weakened for the coding does not matter here.
        if (ConditionalRequests.IsNotModified(request.Headers, entry.ETag, entry.LastModified))
        {
            // RFC 9110 §15.4.5: the client has the representation; a 304 sends its validators and caching fields, not
            // its metadata again, but for Last-Modified when there is no ETag to validate with.
            response.StatusCode = StatusCodes.Status304NotModified;
            response.Headers.ContentLength = null;
            response.Headers.Remove(HeaderNames.ContentEncoding);
            response.Headers.Remove(HeaderNames.ContentType);
            response.Headers.Remove(HeaderNames.ContentLanguage);
            if (entry.ETag is not null)
            {
                response.Headers.Remove(HeaderNames.LastModified);
            }

            return;
        }

        if (entry.BodyFile is { } file)
        {
            await WriteFromDiskAsync(context, entry, file);
            return;
        }

        // A range of a coded variant is a range of its coded bytes, as stored; If-Range sees the ETag as sent.
        var body = coding is null ? entry.Body : EncodedBody(entry, coding);
        var ranges = RangePlanner.Plan(request, entry.StatusCode, body.Length, SentETag(response), entry.LastModified, entry.Date);
        if (ranges.Kind != RangePlanKind.Whole)
        {
            await RangeResponseWriter.WriteAsync(context, body, ranges);
            return;
        }

        response.Headers.ContentLength = body.Length;
        if (!HttpMethods.IsHead(request.Method) && body.Length > 0)
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private static string? SentETag(HttpResponse response) => response.Headers.ETag.ToString() is { Length: > 0 } sent ? sent : null;

    // A disk-tier body is never encoded here; its ranges are read from the file where they lie, once the
    // whole file has been checked against its checksum (a corrupt one is dropped and the client cut off,
    // never answered with wrong bytes).
    private async Task WriteFromDiskAsync(HttpContext context, CachedResponse entry, Disk.DiskBody file)
    {
        var response = context.Response;
        var ranges = RangePlanner.Plan(context.Request, entry.StatusCode, file.Length, SentETag(response), entry.LastModified, entry.Date);
        if (ranges.Kind != RangePlanKind.Whole)
        {
            if (!await Disk.DiskBodyWriter.VerifyAsync(file, cache.Disk, context.RequestAborted))
            {
                context.Abort();
                return;
            }

            await RangeResponseWriter.WriteAsync(context, file.Length, ranges, range => Disk.DiskBodyWriter.WriteSliceAsync(context, file, range.Offset, range.Length));
            return;
        }

        response.Headers.ContentLength = file.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await Disk.DiskBodyWriter.WriteAsync(context, file, cache.Disk);
        }
    }

    /// <summary>
    /// Clears what the origin's answer put on the response before an entry is written, keeping what the
    /// appliance's own steps set. Set-Cookie is never stored, but when the entry was made from this very
    /// answer (stored, or freshened by a 304) its cookies are this client's and must reach it; stale
    /// content standing in for a failed answer carries nothing of that answer.
    /// </summary>
    public static void ClearOriginAnswer(HttpResponse response, bool keepSetCookie)
    {
        var headers = response.Headers;
        var requestId = headers[Metrics.RequestIdFeature.HeaderName];
        var setCookie = keepSetCookie ? headers.SetCookie : StringValues.Empty;
        headers.Clear();
        if (!StringValues.IsNullOrEmpty(requestId))
        {
            headers[Metrics.RequestIdFeature.HeaderName] = requestId;
        }

        if (!StringValues.IsNullOrEmpty(setCookie))
        {
            headers.SetCookie = setCookie;
        }
    }

    /// <summary>Sends the origin's answer that was held back and not stored, as it came.</summary>
    public static async Task WriteHeldBackAsync(HttpContext context, byte[] body)
    {
        if (body.Length > 0)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    // Only 200s keep encoded variants with the entry; other statuses the cache answers with are left to
    // on-the-fly compression downstream, which decides the same way.
    private static bool KeepsEncodedVariants(CachedResponse entry) =>
        entry.StatusCode == StatusCodes.Status200OK && entry.BodyFile is null
        && ContentEncodingHeaders.MayEncode(
            entry.StatusCode, entry.Header(HeaderNames.ContentType), entry.Header(HeaderNames.ContentEncoding),
            entry.Header(HeaderNames.ContentRange), entry.Header(HeaderNames.CacheControl), entry.Body.Length);

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
}
