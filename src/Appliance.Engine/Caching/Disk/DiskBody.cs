using Microsoft.Win32.SafeHandles;

namespace Appliance.Engine.Caching.Disk;

/// <summary>
/// The body of an entry answered from a cache file, read where it lies: the file stays open for the request
/// (a writer replacing the file or an eviction deleting it meanwhile leaves this copy whole), and its bytes
/// are checked against <see cref="Sha256"/> as they are sent.
/// </summary>
internal sealed class DiskBody(SafeFileHandle handle, long offset, long length, byte[] sha256, DiskCacheEntry entry)
{
    public SafeFileHandle Handle { get; } = handle;

    /// <summary>Where the body starts in the file.</summary>
    public long Offset { get; } = offset;

    public long Length { get; } = length;

    public byte[] Sha256 { get; } = sha256;

    /// <summary>The index entry of the file, dropped and counted as corrupt if the bytes turn out wrong.</summary>
    public DiskCacheEntry Entry { get; } = entry;
}
