using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Caching.Ranges;

/// <summary>
/// Writes a 206 or a 416 from a stored body (RFC 9110 §15.3.7, §15.5.17): one range as a plain part with
/// Content-Range, several as multipart/byteranges (§14.6) with a random boundary, each part carrying the
/// representation's Content-Type and its own Content-Range. The stored headers are already on the response;
/// the body is in memory or in a disk-tier file, whose parts are read where they lie.
/// </summary>
internal static class RangeResponseWriter
{
    /// <summary>Answers from a body in memory.</summary>
    public static Task WriteAsync(HttpContext context, byte[] body, RangePlan plan) =>
        WriteAsync(context, body.Length, plan, range => context.Response.Body.WriteAsync(body.AsMemory((int)range.Offset, (int)range.Length), context.RequestAborted).AsTask());

    /// <summary>Answers from a body of <paramref name="length"/> bytes whose ranges <paramref name="writePart"/> sends, one at a time, in order.</summary>
    public static async Task WriteAsync(HttpContext context, long length, RangePlan plan, Func<ByteRange, Task> writePart)
    {
        var response = context.Response;
        if (plan.Kind == RangePlanKind.Unsatisfiable)
        {
            // No content: the representation's own fields would describe bytes that are not sent.
            response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
            response.Headers.ContentRange = $"bytes */{length}";
            response.Headers.Remove(HeaderNames.ContentType);
            response.Headers.Remove(HeaderNames.ContentEncoding);
            response.Headers.ContentLength = 0;
            return;
        }

        response.StatusCode = StatusCodes.Status206PartialContent;
        if (plan.Ranges.Count == 1)
        {
            var range = plan.Ranges[0];
            response.Headers.ContentRange = range.ContentRange(length);
            response.Headers.ContentLength = range.Length;
            await writePart(range);
            return;
        }

        var boundary = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var contentType = response.Headers.ContentType.ToString();
        var heads = plan.Ranges.Select(range => PartHead(boundary, contentType, range.ContentRange(length))).ToArray();
        var tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        response.Headers.ContentType = $"multipart/byteranges; boundary={boundary}";
        response.Headers.Remove(HeaderNames.ContentRange);
        response.Headers.ContentLength = heads.Sum(h => (long)h.Length) + plan.Ranges.Sum(r => r.Length) + tail.Length;
        for (var i = 0; i < heads.Length; i++)
        {
            await response.Body.WriteAsync(heads[i], context.RequestAborted);
            await writePart(plan.Ranges[i]);
        }

        await response.Body.WriteAsync(tail, context.RequestAborted);
    }

    private static byte[] PartHead(string boundary, string contentType, string contentRange)
    {
        var type = contentType.Length > 0 ? $"Content-Type: {contentType}\r\n" : "";
        return Encoding.ASCII.GetBytes($"\r\n--{boundary}\r\n{type}Content-Range: {contentRange}\r\n\r\n");
    }
}
