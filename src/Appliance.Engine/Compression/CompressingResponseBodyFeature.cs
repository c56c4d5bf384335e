using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Compression;

/// <summary>
/// Compresses a response as it streams. The decision waits until the status and headers are known
/// and, when the length is not declared, until 1 KiB has arrived (or the body ended short of it):
/// only compressible responses are encoded, and then their Content-Length goes, Content-Encoding
/// and Vary come, and a strong ETag becomes weak.
/// </summary>
internal sealed class CompressingResponseBodyFeature(IHttpResponseBodyFeature inner, HttpResponse response, string coding) : IHttpResponseBodyFeature
{
    private Stream? _encoder;
    private MemoryStream? _pending;

    private IHttpResponseBodyFeature Inner => inner;
    private bool _decided;
    private EncodingStream? _stream;
    private PipeWriter? _writer;

    public Stream Stream => _stream ??= new EncodingStream(this);

    public PipeWriter Writer => _writer ??= PipeWriter.Create(Stream, new StreamPipeWriterOptions(leaveOpen: true));

    public void DisableBuffering() => inner.DisableBuffering();

    // Starting is deferred while undecided: the headers may still change.
    public Task StartAsync(CancellationToken cancellationToken = default) =>
        _decided ? inner.StartAsync(cancellationToken) : Task.CompletedTask;

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        file.Seek(offset, SeekOrigin.Begin);
        await CopyAsync(file, count ?? file.Length - offset, cancellationToken);
    }

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
        if (Compressibility.MayCompress(response.StatusCode, headers, headers.ContentLength ?? held ?? 0))
        {
            headers.ContentLength = null;
            headers.ContentEncoding = coding;
            headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
            if (headers.ETag.ToString() is { Length: > 0 } etag && !etag.StartsWith("W/", StringComparison.Ordinal))
            {
                headers.ETag = "W/" + etag;
            }

            _encoder = Compressor.Encode(inner.Stream, coding, fast: true);
        }

        if (_pending is { Length: > 0 } pending)
        {
            await (_encoder ?? inner.Stream).WriteAsync(pending.GetBuffer().AsMemory(0, (int)pending.Length), cancellationToken);
        }

        _pending = null;
    }

    private async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
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

        await (_encoder ?? inner.Stream).WriteAsync(data, cancellationToken);
    }

    private async Task CopyAsync(Stream source, long count, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        while (count > 0)
        {
            var read = await source.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, count)), cancellationToken);
            if (read == 0)
            {
                break;
            }

            await WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            count -= read;
        }
    }

    private sealed class EncodingStream(CompressingResponseBodyFeature owner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => FlushAsync().GetAwaiter().GetResult();

        // A flush reaches the client: streamed responses (server-sent events) must not sit in the encoder.
        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            await owner.DecideAsync(cancellationToken);
            if (owner._encoder is not null)
            {
                await owner._encoder.FlushAsync(cancellationToken);
            }

            await owner.Inner.Stream.FlushAsync(cancellationToken);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) =>
            owner.WriteAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            owner.WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            owner.WriteAsync(buffer, cancellationToken);
    }
}
