using System.IO.Pipelines;
using Appliance.Engine.ResponseBodies;
using Microsoft.AspNetCore.Http.Features;

namespace Appliance.Engine.Caching;

/// <summary>
/// Holds a response body back while it may be stored (or replaced: a 304 from revalidation, an
/// error the cache answers with stale content). At the first byte, <paramref name="worthHolding"/>
/// looks at the status and headers: a response that can be neither stored nor replaced streams
/// through at once (an event stream must not wait). Past <paramref name="limit"/> bytes the
/// response is too large to store, and it streams what it holds and everything after.
/// </summary>
internal sealed class CaptureResponseBodyFeature(IHttpResponseBodyFeature inner, long limit, Func<bool> worthHolding) : IHttpResponseBodyFeature, IResponseBodySink
{
    private bool _checked;

    private readonly MemoryStream _buffer = new();
    private SinkStream? _stream;
    private PipeWriter? _writer;

    /// <summary>True once the body outgrew the limit and went to the client as it came.</summary>
    public bool StreamedThrough { get; private set; }

    /// <summary>The body held back (empty once streamed through).</summary>
    public byte[] Captured => _buffer.ToArray();

    public Stream Stream => _stream ??= new SinkStream(this);

    public PipeWriter Writer => _writer ??= PipeWriter.Create(Stream, new StreamPipeWriterOptions(leaveOpen: true));

    public void DisableBuffering() => inner.DisableBuffering();

    // Nothing reaches the client while held back: headers stay changeable until the cache decides.
    public Task StartAsync(CancellationToken cancellationToken = default) =>
        StreamedThrough ? inner.StartAsync(cancellationToken) : Task.CompletedTask;

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        SinkStream.CopyFileAsync(this, path, offset, count, cancellationToken);

    public async Task CompleteAsync()
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync();
        }

        if (StreamedThrough)
        {
            await inner.CompleteAsync();
        }
    }

    /// <summary>Flushes the pipe writer's pending bytes into the buffer (or through).</summary>
    public async Task FlushAsync()
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync();
        }
    }

    // A flush reaches the client only once the body streams through; held back, there is nothing to send yet.
    Task IResponseBodySink.FlushAsync(CancellationToken cancellationToken) =>
        StreamedThrough ? inner.Stream.FlushAsync(cancellationToken) : Task.CompletedTask;

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (StreamedThrough)
        {
            await inner.Stream.WriteAsync(data, cancellationToken);
            return;
        }

        if (!_checked)
        {
            _checked = true;
            if (!worthHolding())
            {
                StreamedThrough = true;
                await inner.StartAsync(cancellationToken);
                await inner.Stream.WriteAsync(data, cancellationToken);
                return;
            }
        }

        _buffer.Write(data.Span);
        if (_buffer.Length > limit)
        {
            StreamedThrough = true;
            await inner.StartAsync(cancellationToken);
            _buffer.Position = 0;
            await _buffer.CopyToAsync(inner.Stream, cancellationToken);
            _buffer.SetLength(0);
        }
    }
}
