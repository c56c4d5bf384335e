using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Appliance.Engine.Caching;

/// <summary>
/// Holds a response body back while it may be stored (or replaced: a 304 from revalidation, an
/// error the cache answers with stale content). At the first byte, <paramref name="worthHolding"/>
/// looks at the status and headers: a response that can be neither stored nor replaced streams
/// through at once (an event stream must not wait). Past <paramref name="limit"/> bytes the
/// response is too large to store, and it streams what it holds and everything after.
/// </summary>
internal sealed class CaptureResponseBodyFeature(IHttpResponseBodyFeature inner, long limit, Func<bool> worthHolding) : IHttpResponseBodyFeature
{
    private bool _checked;

    private readonly MemoryStream _buffer = new();
    private CaptureStream? _stream;
    private PipeWriter? _writer;

    private IHttpResponseBodyFeature Inner => inner;

    /// <summary>True once the body outgrew the limit and went to the client as it came.</summary>
    public bool StreamedThrough { get; private set; }

    /// <summary>The body held back (empty once streamed through).</summary>
    public byte[] Captured => _buffer.ToArray();

    public Stream Stream => _stream ??= new CaptureStream(this);

    public PipeWriter Writer => _writer ??= PipeWriter.Create(Stream, new StreamPipeWriterOptions(leaveOpen: true));

    public void DisableBuffering() => inner.DisableBuffering();

    // Nothing reaches the client while held back: headers stay changeable until the cache decides.
    public Task StartAsync(CancellationToken cancellationToken = default) =>
        StreamedThrough ? inner.StartAsync(cancellationToken) : Task.CompletedTask;

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        file.Seek(offset, SeekOrigin.Begin);
        var remaining = count ?? file.Length - offset;
        var chunk = new byte[81920];
        while (remaining > 0)
        {
            var read = await file.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, remaining)), cancellationToken);
            if (read == 0)
            {
                break;
            }

            await WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            remaining -= read;
        }
    }

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

    private async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
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

    private sealed class CaptureStream(CaptureResponseBodyFeature owner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) =>
            owner.StreamedThrough ? owner.Inner.Stream.FlushAsync(cancellationToken) : Task.CompletedTask;

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
