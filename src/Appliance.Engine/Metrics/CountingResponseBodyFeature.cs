using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Appliance.Engine.Metrics;

// Counts the bytes of the response body, whichever way they are written: YARP copies through
// Stream, the error pages write through the PipeWriter. Swapping the feature (rather than
// setting Response.Body) costs no completion callback and no extra wrapper per request.
internal sealed class CountingResponseBodyFeature : IHttpResponseBodyFeature
{
    private readonly IHttpResponseBodyFeature _inner;
    private readonly CountingStream _stream;
    private readonly CountingPipeWriter _writer;

    public CountingResponseBodyFeature(IHttpResponseBodyFeature inner)
    {
        _inner = inner;
        _stream = new CountingStream(inner.Stream);
        _writer = new CountingPipeWriter(inner.Writer);
    }

    public long BytesWritten => _stream.BytesWritten + _writer.BytesWritten;

    public Stream Stream => _stream;

    public PipeWriter Writer => _writer;

    public void DisableBuffering() => _inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => _inner.StartAsync(cancellationToken);

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        _inner.SendFileAsync(path, offset, count, cancellationToken);

    public Task CompleteAsync() => _inner.CompleteAsync();
}
