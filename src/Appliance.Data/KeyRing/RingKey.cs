using System.Security.Cryptography;
using System.Text;

namespace Appliance.Data.KeyRing;

/// <summary>
/// A 256-bit key from a key file (<c>openssl rand -base64 32</c>) that encrypts the Data Protection
/// key ring at rest, and its id: a short hash every node can compute, stored next to each
/// encrypted entry so that a node holding another file says so instead of failing obscurely.
/// </summary>
public sealed class RingKey
{
    public const int SizeInBytes = 32;

    private RingKey(byte[] material, string id)
    {
        Material = material;
        Id = id;
    }

    /// <summary>The key's public id: 16 hex digits of a hash, never the key.</summary>
    public string Id { get; }

    internal byte[] Material { get; }

    /// <summary>A key from its bytes (tests, and <see cref="Load"/>).</summary>
    public static RingKey FromBytes(byte[] material)
    {
        ArgumentNullException.ThrowIfNull(material);
        if (material.Length != SizeInBytes)
        {
            throw new ArgumentException($"A ring key has {SizeInBytes} bytes.", nameof(material));
        }

        // Domain-separated, so the id reveals nothing usable about the key itself.
        var id = SHA256.HashData([.. Encoding.ASCII.GetBytes("Appliance.KeyRing.KeyId.v1:"), .. material]);
        return new RingKey(material.ToArray(), Convert.ToHexStringLower(id.AsSpan(0, 8)));
    }

    /// <summary>
    /// Reads a key file: base64 text of exactly 32 bytes. A missing, unreadable or malformed file
    /// stops the start with <paramref name="settingKey"/> named; the file's content is never echoed.
    /// </summary>
    public static RingKey Load(string path, string settingKey)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InvalidOperationException($"{settingKey} names '{path}', which cannot be read ({e.GetType().Name}). Every node needs the same key file; create it with: openssl rand -base64 32 > ring.key");
        }

        var material = new byte[SizeInBytes + 1];
        if (!Convert.TryFromBase64String(text.Trim(), material, out var written) || written != SizeInBytes)
        {
            throw new InvalidOperationException($"{settingKey} names '{path}', which does not hold a base64 256-bit key; create one with: openssl rand -base64 32 > ring.key");
        }

        return FromBytes(material[..SizeInBytes]);
    }
}
