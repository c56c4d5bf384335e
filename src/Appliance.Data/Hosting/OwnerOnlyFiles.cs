using System.Runtime.InteropServices;

namespace Appliance.Data.Hosting;

/// <summary>
/// Unix file ownership and modes for the data directory, which holds password hashes, API token
/// hashes and the key ring. .NET sets modes but neither reads a file's owner nor sets the umask, so
/// those two come from libc; on other systems every call here does nothing.
/// </summary>
internal static partial class OwnerOnlyFiles
{
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const int AtCurrentDirectory = -100;

    // No AT_SYMLINK_NOFOLLOW: a link's own owner says nothing about the folder it leads to, which
    // is where the secrets go (and what Restrict's chmod changes).
    private const int FollowLinks = 0;
    private const uint StatxUid = 0x8;

    // struct statx has one layout on every Linux architecture: stx_uid is the u32 at offset 20.
    private const int StatxSize = 256;
    private const int StatxUidOffset = 20;

    /// <summary>
    /// From now on, files and folders this process creates (SQLite's -wal and -shm among them) are
    /// readable by their owner only, whatever umask the process was started with.
    /// </summary>
    public static void RestrictNewFiles()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = umask(0b000_111_111);
        }
    }

    /// <summary>
    /// The user id that owns <paramref name="path"/>, or what its symbolic links lead to, or null
    /// where it cannot be read (not Linux).
    /// </summary>
    public static uint? OwnerOf(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[StatxSize];
        try
        {
            return statx(AtCurrentDirectory, path, FollowLinks, StatxUid, buffer) == 0
                ? BitConverter.ToUInt32(buffer, StatxUidOffset)
                : null;
        }
        catch (EntryPointNotFoundException)
        {
            // A C library older than glibc 2.28 has no statx wrapper.
            return null;
        }
    }

    /// <summary>The user id this process runs as, or null where it cannot be read.</summary>
    public static uint? CurrentUser() => OperatingSystem.IsWindows() ? null : geteuid();

    /// <summary>Makes <paramref name="directory"/> and everything under it owner-only (symbolic links are left alone).</summary>
    public static void Restrict(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(directory, DirectoryMode);
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (entry.LinkTarget is not null)
            {
                continue;
            }

            entry.UnixFileMode = entry is DirectoryInfo ? DirectoryMode : FileMode;
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial uint umask(uint mask);

    [LibraryImport("libc")]
    private static partial uint geteuid();

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int statx(int directoryFd, string path, int flags, uint mask, byte[] buffer);
}
