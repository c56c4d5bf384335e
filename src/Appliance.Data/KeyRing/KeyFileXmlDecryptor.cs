using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.KeyRing;

/// <summary>
/// Decrypts what <see cref="KeyFileXmlEncryptor"/> wrote. Data Protection creates it by the type
/// name stored in the entry, handing it the container, hence the <see cref="IServiceProvider"/>
/// constructor. A wrong key file, an unknown version or a changed entry end in a
/// <see cref="CryptographicException"/> that says which.
/// </summary>
public sealed class KeyFileXmlDecryptor : IXmlDecryptor
{
    private readonly RingKeys _keys;

    public KeyFileXmlDecryptor(IServiceProvider services)
        : this(services.GetService<RingKeys>()
            ?? throw new CryptographicException($"The key ring entry is encrypted with a key file, but {KeyRingOptions.KeyFileKey} is not set on this node."))
    {
    }

    public KeyFileXmlDecryptor(RingKeys keys) => _keys = keys;

    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var version = int.TryParse((string?)encryptedElement.Attribute(KeyFileFormat.VersionAttribute), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
        if (encryptedElement.Name != KeyFileFormat.ElementName || version != KeyFileFormat.Version)
        {
            throw new CryptographicException($"The key ring entry is not in a key file format this version knows (version {version}).");
        }

        var keyId = (string?)encryptedElement.Attribute(KeyFileFormat.KeyIdAttribute) ?? "";
        var key = _keys.Find(keyId) ?? throw new CryptographicException(
            $"The key ring entry was encrypted with key file id {keyId}, but {KeyRingOptions.KeyFileKey} holds id {_keys.Current.Id}. Every node needs the same key file (and {KeyRingOptions.PreviousKeyFileKey} the old one while rotating).");

        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        }
        catch (FormatException)
        {
            throw new CryptographicException("The key ring entry is damaged: its content is not base64.");
        }

        var length = sealedBytes.Length - KeyFileFormat.NonceSize - KeyFileFormat.TagSize;
        if (length < 0)
        {
            throw new CryptographicException("The key ring entry is damaged: it is too short.");
        }

        var plaintext = new byte[length];
        try
        {
            using var aes = new AesGcm(key.Material, KeyFileFormat.TagSize);
            aes.Decrypt(
                sealedBytes.AsSpan(0, KeyFileFormat.NonceSize),
                sealedBytes.AsSpan(KeyFileFormat.NonceSize, length),
                sealedBytes.AsSpan(KeyFileFormat.NonceSize + length),
                plaintext,
                KeyFileFormat.AssociatedData(version, keyId));
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new CryptographicException($"The key ring entry encrypted with key file id {keyId} failed authentication: it was changed, or the key file was.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
