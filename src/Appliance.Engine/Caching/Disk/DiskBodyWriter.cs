using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Caching.Disk;

/// <summary>
/// Streams a body from its cache file to the client, a buffer at a time, hashing on the way the first
/// time the file is sent in this process, with its last buffer held back until the hash is known. The
/// file's length was checked when it was opened; if its bytes turn out not to match the checksum (changed
/// on disk since it was written), the connection is aborted before the last buffer, so that the client,
/// which was promised the full length, sees a failed response and not a wrong one, and the file is dropped. A range cannot be checked alone, so a file is checked whole before
/// its first range is sent.
/// </summary>
internal static class DiskBodyWriter
{
    private const int BufferSize = 64 * 1024;

    public static async Task WriteAsync(HttpContext context, DiskBody body, DiskCacheStore store)
    {
        if (body.Entry.Verified)
        {
            await CopyAsync(body, 0, body.Length, context.Response.Body, null, context.RequestAborted);
            return;
        }

        // The last buffer is held back until the whole file has been hashed: once the client has every
        // byte it was promised, aborting no longer tells it the response was wrong.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var tailLength = (int)Math.Min(BufferSize, body.Length);
        var headLength = body.Length - tailLength;
        var tail = ArrayPool<byte>.Shared.Rent(Math.Max(tailLength, 1));
        try
        {
            var head = await CopyAsync(body, 0, headLength, context.Response.Body, hash, context.RequestAborted);
            var read = head < headLength ? 0 : await ReadFullyAsync(body, headLength, tail.AsMemory(0, tailLength), context.RequestAborted);
            if (head < headLength || read < tailLength)
            {
                // Shorter than its index said since it was opened.
                store.Drop(body.Entry, corrupt: true);
                context.Abort();
                return;
            }

            hash.AppendData(tail, 0, read);
            if (!Matches(hash, body, store))
            {
                context.Abort();
                return;
            }

            await context.Response.Body.WriteAsync(tail.AsMemory(0, tailLength), context.RequestAborted);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(tail);
        }
    }

    /// <summary>
    /// Checks a file not yet sent whole in this process against its checksum before any part of it is
    /// sent as a range; false, and the file dropped, when it fails.
    /// </summary>
    public static async Task<bool> VerifyAsync(DiskBody body, DiskCacheStore store, CancellationToken cancel)
    {
        if (body.Entry.Verified)
        {
            return true;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await CopyAsync(body, 0, body.Length, null, hash, cancel);
        return Matches(hash, body, store);
    }

    /// <summary>Sends <paramref name="length"/> bytes of a verified body from <paramref name="start"/> on.</summary>
    public static async Task WriteSliceAsync(HttpContext context, DiskBody body, long start, long length)
    {
        if (await CopyAsync(body, start, length, context.Response.Body, null, context.RequestAborted) < length)
        {
            // Shorter than its index said since it was opened: the client was promised the length.
            context.Abort();
        }
    }

    // Reads length bytes from start into the hash and the destination, each when given; returns how many there were.
    private static async Task<long> CopyAsync(DiskBody body, long start, long length, Stream? destination, IncrementalHash? hash, CancellationToken cancel)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long done = 0;
            while (done < length)
            {
                var read = await RandomAccess.ReadAsync(body.Handle, buffer.AsMemory(0, (int)Math.Min(BufferSize, length - done)), body.Offset + start + done, cancel);
                if (read == 0)
                {
                    break;
                }

                hash?.AppendData(buffer, 0, read);
                if (destination is not null)
                {
                    await destination.WriteAsync(buffer.AsMemory(0, read), cancel);
                }

                done += read;
            }

            return done;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<int> ReadFullyAsync(DiskBody body, long start, Memory<byte> into, CancellationToken cancel)
    {
        var done = 0;
        while (done < into.Length)
        {
            var read = await RandomAccess.ReadAsync(body.Handle, into[done..], body.Offset + start + done, cancel);
            if (read == 0)
            {
                break;
            }

            done += read;
        }

        return done;
    }

    private static bool Matches(IncrementalHash hash, DiskBody body, DiskCacheStore store)
    {
        if (hash.GetHashAndReset().AsSpan().SequenceEqual(body.Sha256))
        {
            body.Entry.Verified = true;
            return true;
        }

        store.Drop(body.Entry, corrupt: true);
        return false;
    }
}
