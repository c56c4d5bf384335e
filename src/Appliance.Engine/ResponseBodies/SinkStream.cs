namespace Appliance.Engine.ResponseBodies;

/// <summary>The write-only Stream face of an <see cref="IResponseBodySink"/>, as YARP and others write response bodies through Stream.</summary>
internal sealed class SinkStream(IResponseBodySink sink) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Writes <paramref name="count"/> bytes of a file from <paramref name="offset"/> into <paramref name="sink"/>: SendFileAsync for our features.</summary>
    public static async Task CopyFileAsync(IResponseBodySink sink, string path, long offset, long? count, CancellationToken cancellationToken)
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

            await sink.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
            remaining -= read;
        }
    }

    public override void Flush() => sink.FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => sink.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) =>
        sink.WriteAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        sink.WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        sink.WriteAsync(buffer, cancellationToken);
}
