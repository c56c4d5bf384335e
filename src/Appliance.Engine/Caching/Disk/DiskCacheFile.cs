using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Microsoft.Win32.SafeHandles;

namespace Appliance.Engine.Caching.Disk;

/// <summary>
/// The layout of one cache file, one per variant: a magic word, the header's length, the header
/// (<see cref="DiskCacheHeader"/> as JSON), the header's SHA-256, then the body. Files are written
/// under a temporary name and renamed into place, so a reader sees a whole old file or a whole new
/// one; a file cut short by a crash, or changed on disk, fails its length or checksum and is never served.
/// </summary>
internal static class DiskCacheFile
{
    public const string Extension = ".entry";
    public const string TemporaryExtension = ".tmp";

    private const int CopyBuffer = 64 * 1024;
    private const int MaxHeaderBytes = 1024 * 1024;
    private static ReadOnlySpan<byte> Magic => "APCACHE1"u8;

    /// <summary>The file's name for a key and variant: a hash, so any URL makes a safe, fixed-length name.</summary>
    public static string NameOf(string key, string varyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key + "\n" + varyKey))) + Extension;

    /// <summary>Writes <paramref name="response"/> to <paramref name="path"/> atomically; false if its body could not be read whole and right.</summary>
    public static bool Write(string path, CachedResponse response)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N") + TemporaryExtension;
        try
        {
            var sha = response.BodyFile?.Sha256 ?? SHA256.HashData(response.Body);
            var json = JsonSerializer.SerializeToUtf8Bytes(HeaderOf(response, sha));
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBuffer))
            {
                Span<byte> length = stackalloc byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(length, json.Length);
                file.Write(Magic);
                file.Write(length);
                file.Write(json);
                file.Write(SHA256.HashData(json));
                if (response.BodyFile is { } source)
                {
                    if (!CopyVerified(source, file))
                    {
                        file.Dispose();
                        File.Delete(temporary);
                        return false;
                    }
                }
                else
                {
                    file.Write(response.Body);
                }
            }

            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            TryDelete(temporary);
            return false;
        }
    }

    /// <summary>
    /// Opens the file of <paramref name="entry"/>: a body up to <paramref name="loadUpTo"/> bytes is read and
    /// checked whole; a larger one stays in the file, open, to be streamed and checked on the way.
    /// Missing when the file is gone (evicted or purged meanwhile); corrupt when it is there but wrong.
    /// </summary>
    public static (CachedResponse? Response, bool Corrupt) Open(DiskCacheEntry entry, long loadUpTo)
    {
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(entry.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, false);
        }

        var keep = false;
        try
        {
            var header = ReadHeader(handle, out var bodyOffset);
            if (header is null || header.Key != entry.Key || header.VaryKey != entry.VaryKey
                || RandomAccess.GetLength(handle) != bodyOffset + header.BodyLength)
            {
                return (null, true);
            }

            if (header.BodyLength <= loadUpTo)
            {
                var body = new byte[header.BodyLength];
                var read = RandomAccess.Read(handle, body, bodyOffset);
                return read == body.Length && SHA256.HashData(body).AsSpan().SequenceEqual(header.BodySha256)
                    ? (ResponseOf(header, body, null), false)
                    : (null, true);
            }

            keep = true;
            return (ResponseOf(header, [], new DiskBody(handle, bodyOffset, header.BodyLength, header.BodySha256, entry)), false);
        }
        catch (IOException)
        {
            return (null, true);
        }
        finally
        {
            if (!keep)
            {
                handle.Dispose();
            }
        }
    }

    /// <summary>The header of the file at <paramref name="path"/> and its total length, or null when it is not a whole, readable cache file.</summary>
    public static DiskCacheHeader? Inspect(string path, out long fileLength)
    {
        fileLength = 0;
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            fileLength = RandomAccess.GetLength(handle);
            var header = ReadHeader(handle, out var bodyOffset);
            return header is not null && fileLength == bodyOffset + header.BodyLength ? header : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone already, or not ours to delete: the next scan finds it again.
        }
    }

    private static DiskCacheHeader? ReadHeader(SafeFileHandle handle, out long bodyOffset)
    {
        bodyOffset = 0;
        Span<byte> prefix = stackalloc byte[Magic.Length + 4];
        if (RandomAccess.Read(handle, prefix, 0) != prefix.Length || !prefix[..Magic.Length].SequenceEqual(Magic))
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(prefix[Magic.Length..]);
        if (length is <= 0 or > MaxHeaderBytes)
        {
            return null;
        }

        var json = new byte[length + SHA256.HashSizeInBytes];
        if (RandomAccess.Read(handle, json, prefix.Length) != json.Length
            || !SHA256.HashData(json.AsSpan(0, length)).AsSpan().SequenceEqual(json.AsSpan(length)))
        {
            return null;
        }

        bodyOffset = prefix.Length + json.Length;
        try
        {
            var header = JsonSerializer.Deserialize<DiskCacheHeader>(json.AsSpan(0, length));
            return header is { BodyLength: >= 0, BodySha256.Length: SHA256.HashSizeInBytes } ? header : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Copies a body from another cache file into a new one (an entry freshened by a 304), checking it on the way.
    // A background revalidation outlives the request that opened the file: then the file is opened again by
    // name, and if it was replaced meanwhile the checksum refuses the copy.
    private static bool CopyVerified(DiskBody source, FileStream target)
    {
        using var reopened = source.Handle.IsClosed
            ? File.OpenHandle(source.Entry.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete)
            : null;
        var handle = reopened ?? source.Handle;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[CopyBuffer];
        for (long done = 0; done < source.Length;)
        {
            var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, source.Length - done)), source.Offset + done);
            if (read == 0)
            {
                return false;
            }

            hash.AppendData(buffer, 0, read);
            target.Write(buffer, 0, read);
            done += read;
        }

        return hash.GetHashAndReset().AsSpan().SequenceEqual(source.Sha256);
    }

    private static DiskCacheHeader HeaderOf(CachedResponse response, byte[] sha) => new()
    {
        Key = response.Key,
        VaryKey = response.VaryKey,
        VaryHeaders = [.. response.VaryHeaders],
        StatusCode = response.StatusCode,
        Headers = [.. response.Headers.Select(h => (string[])[h.Key, .. h.Value.Select(v => v ?? "")])],
        RequestTime = response.RequestTime,
        ResponseTime = response.ResponseTime,
        Date = response.Date,
        AgeValue = response.AgeValue,
        FreshnessLifetime = response.FreshnessLifetime,
        ETag = response.ETag,
        LastModified = response.LastModified,
        NoCache = response.NoCache,
        MustRevalidate = response.MustRevalidate,
        StaleWhileRevalidate = response.StaleWhileRevalidate,
        StaleIfError = response.StaleIfError,
        SharedWithAuthorization = response.SharedWithAuthorization,
        BodyLength = response.BodyLength,
        BodySha256 = sha,
    };

    private static CachedResponse ResponseOf(DiskCacheHeader header, byte[] body, DiskBody? file) => new()
    {
        Key = header.Key,
        StatusCode = header.StatusCode,
        Headers = [.. header.Headers.Where(h => h.Length > 0).Select(h => new KeyValuePair<string, StringValues>(h[0], new StringValues(h[1..])))],
        Body = body,
        BodyFile = file,
        RequestTime = header.RequestTime,
        ResponseTime = header.ResponseTime,
        Date = header.Date,
        AgeValue = header.AgeValue,
        FreshnessLifetime = header.FreshnessLifetime,
        ETag = header.ETag,
        LastModified = header.LastModified,
        NoCache = header.NoCache,
        MustRevalidate = header.MustRevalidate,
        StaleWhileRevalidate = header.StaleWhileRevalidate,
        StaleIfError = header.StaleIfError,
        SharedWithAuthorization = header.SharedWithAuthorization,
        VaryHeaders = header.VaryHeaders,
        VaryKey = header.VaryKey,
    };
}
