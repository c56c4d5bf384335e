using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Appliance.Engine.ResponseBodies;
using Microsoft.AspNetCore.Http.Features;

namespace Appliance.Engine.Compression;

/// <summary>
/// Compresses a response as it streams. The decision waits until the status and headers are known
/// and, when the length is not declared, until 1 KiB has arrived (or the body ended short of it):
/// only responses <see cref="ContentEncodingHeaders"/> allows are encoded, and then their
/// Content-Length goes and the headers of an encoded body come.
/// </summary>
internal sealed class CompressingResponseBodyFeature(IHttpResponseBodyFeature inner, HttpResponse response, string coding) : IHttpResponseBodyFeature, IResponseBodySink
{
    private Stream? _encoder;
    private MemoryStream? _pending;

    private IHttpResponseBodyFeature Inner => inner;
    private bool _decided;
    private SinkStream? _stream;
    private PipeWriter? _writer;

    public Stream Stream => _stream ??= new SinkStream(this);

    public PipeWriter Writer => _writer ??= PipeWriter.Create(Stream, new StreamPipeWriterOptions(leaveOpen: true));

    public void DisableBuffering() => inner.DisableBuffering();

    // Starting is deferred while undecided: the headers may still change.
    public Task StartAsync(CancellationToken cancellationToken = default) =>
        _decided ? inner.StartAsync(cancellationToken) : Task.CompletedTask;

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        SinkStream.CopyFileAsync(this, path, offset, count, cancellationToken);

    public async Task CompleteAsync()
    {
        await FinishAsync();
        await inner.CompleteAsync();
    }

    /// <summary>Flushes pending writes and ends the encoding (its final block), leaving the response open.</summary>
    public async Task FinishAsync()
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync();
        }

        await DecideAsync(CancellationToken.None);
        if (_encoder is not null)
        {
            await _encoder.DisposeAsync();
            _encoder = null;
        }
    }

    // Decides on what is known now (the declared length, or what has been held back) and releases what was held back.
    private async ValueTask DecideAsync(CancellationToken cancellationToken)
    {
        if (_decided)
        {
            return;
        }

        _decided = true;
        var headers = response.Headers;
        var held = _pending?.Length;
        if (ContentEncodingHeaders.MayEncode(response.StatusCode, headers, headers.ContentLength ?? held ?? 0))
        {
            // The encoded length is known only at the end: the body goes chunked.
            headers.ContentLength = null;
            ContentEncodingHeaders.Apply(headers, coding);
            _encoder = Compressor.Encode(inner.Stream, coding, fast: true);
        }

        if (_pending is { Length: > 0 } pending)
        {
            await (_encoder ?? inner.Stream).WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), cancellationToken);
        }

        _pending = null;
    }

    // A flush reaches the client: streamed responses (server-sent events) must not sit in the encoder.
    async Task IResponseBodySink.FlushAsync(CancellationToken cancellationToken)
    {
        await DecideAsync(cancellationToken);
        if (_encoder is not null)
        {
            await _encoder.FlushAsync(cancellationToken);
        }

        await inner.Stream.FlushAsync(cancellationToken);
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (!_decided)
        {
            // Without a declared length, hold back up to 1 KiB: a shorter body is not worth encoding.
            if (response.Headers.ContentLength is null && Compressibility.IsCompressibleType(response.ContentType))
            {
                _pending ??= new MemoryStream();
                _pending.Write(data.Span);
                if (_pending.Length >= Compressibility.MinimumBytes)
                {
                    await DecideAsync(cancellationToken);
                }

                return;
            }

            await DecideAsync(cancellationToken);
        }

        if (_encoder is not null && !Thread.CurrentThread.IsThreadPoolThread)
        {
            // With inline socket completions this runs right after a backend read, on the socket
            // engine's thread, which serves many connections: encoding there held them all up
            // (bench/compress.sh: p99 9.1 -> 11.4 ms), so the encoding moves to the thread pool.
            await Task.Yield();
        }

        await (_encoder ?? inner.Stream).WriteAsync(data, cancellationToken);
    }
}
