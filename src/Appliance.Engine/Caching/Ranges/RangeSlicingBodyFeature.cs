using System.IO.Pipelines;
using Appliance.Engine.ResponseBodies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Caching.Ranges;

/// <summary>
/// Answers the client's range from a whole response that streams through the cache unstored (a range miss
/// fetched whole turned out too large for its rule, or not storable): when the response starts, a 200 of
/// declared length with one satisfiable range (If-Range holding against the origin's validators) becomes a
/// 206 of those bytes and the rest is dropped; a range set past the end becomes a 416. Anything else (no
/// length, several ranges, another status) goes through whole, which RFC 9110 §14.2 allows. The client
/// never waits for the whole object to be stored before its first byte, as Varnish's streaming ranges do.
/// </summary>
internal sealed class RangeSlicingBodyFeature(IHttpResponseBodyFeature inner, HttpResponse response, StringValues range, StringValues ifRange)
    : IHttpResponseBodyFeature, IResponseBodySink
{
    private SinkStream? _stream;
    private PipeWriter? _writer;
    private bool _decided;
    private ByteRange? _slice;
    private bool _dropAll;
    private long _position;

    public Stream Stream => _stream ??= new SinkStream(this);

    public PipeWriter Writer => _writer ??= PipeWriter.Create(Stream, new StreamPipeWriterOptions(leaveOpen: true));

    public void DisableBuffering() => inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        Decide();
        return inner.StartAsync(cancellationToken);
    }

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        SinkStream.CopyFileAsync(this, path, offset, count, cancellationToken);

    public async Task CompleteAsync()
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync();
        }

        Decide();
        await inner.CompleteAsync();
    }

    Task IResponseBodySink.FlushAsync(CancellationToken cancellationToken) => inner.Stream.FlushAsync(cancellationToken);

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        Decide();
        if (_dropAll)
        {
            return;
        }

        if (_slice is not { } slice)
        {
            await inner.Stream.WriteAsync(data, cancellationToken);
            return;
        }

        var start = _position;
        _position += data.Length;
        var from = Math.Max(start, slice.Offset);
        var to = Math.Min(_position, slice.Offset + slice.Length);
        if (to > from)
        {
            await inner.Stream.WriteAsync(data.Slice((int)(from - start), (int)(to - from)), cancellationToken);
        }
    }

    // Once, before the first byte or the headers leave: the origin's status, length and validators are known then.
    private void Decide()
    {
        if (_decided)
        {
            return;
        }

        _decided = true;
        var headers = response.Headers;
        if (response.StatusCode != StatusCodes.Status200OK || headers.ContentLength is not { } length || !StringValues.IsNullOrEmpty(headers.ContentRange))
        {
            return;
        }

        var plan = RangePlanner.Plan(
            range, ifRange, length, headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
            HttpDates.TryParse(headers.LastModified.ToString(), out var modified) ? modified : null,
            HttpDates.TryParse(headers.Date.ToString(), out var date) ? date : null);
        if (plan.Kind == RangePlanKind.Unsatisfiable)
        {
            _dropAll = true;
            response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
            headers.ContentRange = $"bytes */{length}";
            headers.Remove(HeaderNames.ContentType);
            headers.Remove(HeaderNames.ContentEncoding);
            headers.ContentLength = 0;
        }
        else if (plan.Kind == RangePlanKind.Partial && plan.Ranges.Count == 1)
        {
            _slice = plan.Ranges[0];
            response.StatusCode = StatusCodes.Status206PartialContent;
            headers.ContentRange = _slice.Value.ContentRange(length);
            headers.ContentLength = _slice.Value.Length;
        }
    }
}
