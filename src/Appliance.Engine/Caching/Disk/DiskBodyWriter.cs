using System.Buffers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Appliance.Engine.Caching.Disk;

/// <summary>
/// Streams a body from its cache file to the client, a buffer at a time, hashing on the way the first
/// time the file is sent in this process. The file's length was checked when it was opened; if its bytes
/// turn out not to match the checksum by the end (changed on disk since it was written), the connection
/// is aborted so that the client, which was promised the full length, sees a failed response and not a
/// wrong one, and the file is dropped.
/// </summary>
internal static class DiskBodyWriter
{
    private const int BufferSize = 64 * 1024;

    public static async Task WriteAsync(HttpContext context, DiskBody body, DiskCacheStore store)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        using var hash = body.Entry.Verified ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            for (long done = 0; done < body.Length;)
            {
                var wanted = (int)Math.Min(BufferSize, body.Length - done);
                var read = await RandomAccess.ReadAsync(body.Handle, buffer.AsMemory(0, wanted), body.Offset + done, context.RequestAborted);
                if (read == 0)
                {
                    break;
                }

                hash?.AppendData(buffer, 0, read);
                await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
                done += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (hash is null)
        {
            return;
        }

        if (hash.GetHashAndReset().AsSpan().SequenceEqual(body.Sha256))
        {
            body.Entry.Verified = true;
        }
        else
        {
            store.Drop(body.Entry, corrupt: true);
            context.Abort();
        }
    }
}
