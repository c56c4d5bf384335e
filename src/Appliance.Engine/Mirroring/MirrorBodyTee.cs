using System.Buffers;

namespace Appliance.Engine.Mirroring;

/// <summary>
/// The client's request body as the forwarder reads it for the primary, keeping a copy of the bytes
/// on the way: the primary gets every byte as soon as the client sends it, and the copy stops
/// holding anything (and says so) once the body outgrows its bound. Reads pass through untouched,
/// the zero-byte reads YARP uses to wait for data included.
/// </summary>
internal sealed class MirrorBodyTee : Stream
{
    private const int InitialBuffer = 4096;

    private readonly Stream _inner;
    private readonly long _maxBytes;
    private readonly Lock _lock = new();
    private byte[]? _buffer;
    private int _length;
    private bool _released;

    public MirrorBodyTee(Stream inner, long maxBytes)
    {
        _inner = inner;
        _maxBytes = maxBytes;
    }

    public MirrorBodyState State { get; private set; } = MirrorBodyState.Partial;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken);
        Keep(buffer.Span[..read], buffer.Length);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        Keep(buffer[..read], buffer.Length);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>The whole body, when <see cref="State"/> is <see cref="MirrorBodyState.Complete"/>; its own array, since the copy outlives the request.</summary>
    public byte[] ToArray()
    {
        lock (_lock)
        {
            return State == MirrorBodyState.Complete && _buffer is not null ? _buffer.AsSpan(0, _length).ToArray() : [];
        }
    }

    /// <summary>Gives the held bytes back; the tee keeps nothing more after it.</summary>
    public void Release()
    {
        lock (_lock)
        {
            // Bytes read after this point are not kept: the copy has been decided.
            _released = true;
            ReturnBuffer();
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    // The client's stream belongs to the server, which disposes it with the request.
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Release();
        }

        base.Dispose(disposing);
    }

    private void Keep(ReadOnlySpan<byte> read, int asked)
    {
        lock (_lock)
        {
            if (_released || State != MirrorBodyState.Partial)
            {
                return;
            }

            if (read.IsEmpty)
            {
                // A zero-byte read only waits for data; a read that asked for bytes and got none is the end.
                if (asked > 0)
                {
                    State = MirrorBodyState.Complete;
                }

                return;
            }

            if (_length + (long)read.Length > _maxBytes)
            {
                State = MirrorBodyState.TooLarge;
                ReturnBuffer();
                return;
            }

            Grow(_length + read.Length);
            read.CopyTo(_buffer.AsSpan(_length));
            _length += read.Length;
        }
    }

    private void Grow(int needed)
    {
        if (_buffer is not null && _buffer.Length >= needed)
        {
            return;
        }

        var size = (int)Math.Min(_maxBytes, Math.Max(needed, _buffer is null ? InitialBuffer : _buffer.Length * 2L));
        var grown = ArrayPool<byte>.Shared.Rent(Math.Max(size, needed));
        if (_buffer is not null)
        {
            _buffer.AsSpan(0, _length).CopyTo(grown);
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = grown;
    }

    private void ReturnBuffer()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
            _length = 0;
        }
    }
}
