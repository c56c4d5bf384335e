using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Appliance.Engine.Metrics;

// Counts the bytes of the response body, whichever way they are written: YARP copies through
// Stream, the error pages write through the PipeWriter. Swapping the feature (rather than
// setting Response.Body) costs no completion callback and no extra wrapper per request.
internal sealed class CountingResponseBodyFeature : IHttpResponseBodyFeature
{
    private readonly IHttpResponseBodyFeature _inner;

    // Each made when first asked for: a response is nearly always written one way only.
    private CountingStream? _stream;
    private CountingPipeWriter? _writer;

    public CountingResponseBodyFeature(IHttpResponseBodyFeature inner)
    {
        _inner = inner;
    }

    public long BytesWritten => (_stream?.BytesWritten ?? 0) + (_writer?.BytesWritten ?? 0);

    public Stream Stream => _stream ??= new CountingStream(_inner.Stream);

    public PipeWriter Writer => _writer ??= new CountingPipeWriter(_inner.Writer);

    public void DisableBuffering() => _inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => _inner.StartAsync(cancellationToken);

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        _inner.SendFileAsync(path, offset, count, cancellationToken);

    public Task CompleteAsync() => _inner.CompleteAsync();
}
