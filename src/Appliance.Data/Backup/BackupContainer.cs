using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Appliance.Data.Backup;

/// <summary>
/// The backup file: a versioned header and one AES-256-GCM ciphertext whose key is derived from the
/// passphrase with PBKDF2-HMAC-SHA256. The header is the AEAD's associated data, so every byte of the
/// file, header included, is authenticated: a changed iteration count, salt, nonce or version makes
/// the file refuse to open exactly as a wrong passphrase does.
/// <code>
/// offset size  field
/// 0      8     magic "APLBKUP\n"
/// 8      1     format version (1)
/// 9      1     KDF id (1 = PBKDF2-HMAC-SHA256)
/// 10     4     KDF iterations, big-endian
/// 14     16    salt
/// 30     12    nonce
/// 42     n     ciphertext
/// 42+n   16    GCM tag
/// </code>
/// </summary>
public static class BackupContainer
{
    public const byte CurrentVersion = 1;
    public const byte Pbkdf2Sha256 = 1;

    /// <summary>OWASP's 2023 figure for PBKDF2-HMAC-SHA256.</summary>
    public const int DefaultIterations = 600_000;

    // A file may not ask this process for more work than this: a crafted header with 2^31
    // iterations would otherwise hold a core for minutes before failing.
    private const int MaxIterations = 10_000_000;

    private const int SaltSize = 16;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int KeySize = 32;
    private const int HeaderSize = 8 + 1 + 1 + 4 + SaltSize + NonceSize;

    private static readonly byte[] Magic = "APLBKUP\n"u8.ToArray();

    /// <summary>The message for every file that does not open: the two causes cannot be told apart, by design.</summary>
    public const string Unreadable = "The passphrase does not open this backup, or the file is damaged.";

    /// <summary>Encrypts <paramref name="payload"/> under <paramref name="passphrase"/>.</summary>
    public static byte[] Seal(ReadOnlySpan<byte> payload, string passphrase, int iterations = DefaultIterations)
    {
        var file = new byte[HeaderSize + payload.Length + TagSize];
        var header = file.AsSpan(0, HeaderSize);
        Magic.CopyTo(header);
        header[8] = CurrentVersion;
        header[9] = Pbkdf2Sha256;
        BinaryPrimitives.WriteInt32BigEndian(header[10..], iterations);
        RandomNumberGenerator.Fill(header.Slice(14, SaltSize));
        RandomNumberGenerator.Fill(header.Slice(14 + SaltSize, NonceSize));

        var key = DeriveKey(passphrase, header.Slice(14, SaltSize), iterations);
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Encrypt(header.Slice(14 + SaltSize, NonceSize), payload, file.AsSpan(HeaderSize, payload.Length),
                file.AsSpan(HeaderSize + payload.Length, TagSize), header);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return file;
    }

    /// <summary>
    /// Decrypts a file made by <see cref="Seal"/>. Throws <see cref="BackupUnreadableException"/> for a
    /// wrong passphrase, any damage (truncation, a flipped bit anywhere) or a format this version does not know.
    /// </summary>
    public static byte[] Open(ReadOnlySpan<byte> file, string passphrase)
    {
        if (file.Length < HeaderSize + TagSize || !file[..Magic.Length].SequenceEqual(Magic))
        {
            throw new BackupUnreadableException(Unreadable);
        }

        var header = file[..HeaderSize];
        if (header[8] != CurrentVersion)
        {
            throw new BackupUnreadableException(
                $"This backup is in format {header[8]}; this appliance reads format {CurrentVersion}. Restore it on the version that made it, or a later one.");
        }

        var iterations = BinaryPrimitives.ReadInt32BigEndian(header[10..]);
        if (header[9] != Pbkdf2Sha256 || iterations is < DefaultIterations or > MaxIterations)
        {
            throw new BackupUnreadableException(Unreadable);
        }

        var ciphertext = file[HeaderSize..^TagSize];
        var payload = new byte[ciphertext.Length];
        var key = DeriveKey(passphrase, header.Slice(14, SaltSize), iterations);
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(header.Slice(14 + SaltSize, NonceSize), ciphertext, file[^TagSize..], payload, header);
            return payload;
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new BackupUnreadableException(Unreadable);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static byte[] DeriveKey(string passphrase, ReadOnlySpan<byte> salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(passphrase), salt, iterations, HashAlgorithmName.SHA256, KeySize);
}
