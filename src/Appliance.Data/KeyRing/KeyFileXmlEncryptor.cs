using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Appliance.Data.KeyRing;

/// <summary>
/// Encrypts a key ring entry with AES-256-GCM under the key file's key: authenticated, so a
/// changed entry is refused, and tagged with a format version and the key's id.
/// </summary>
public sealed class KeyFileXmlEncryptor(RingKeys keys) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var key = keys.Current;
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[KeyFileFormat.NonceSize + plaintext.Length + KeyFileFormat.TagSize];
        var nonce = sealedBytes.AsSpan(0, KeyFileFormat.NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Material, KeyFileFormat.TagSize))
        {
            aes.Encrypt(
                nonce,
                plaintext,
                sealedBytes.AsSpan(KeyFileFormat.NonceSize, plaintext.Length),
                sealedBytes.AsSpan(KeyFileFormat.NonceSize + plaintext.Length),
                KeyFileFormat.AssociatedData(KeyFileFormat.Version, key.Id));
        }

        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(
            KeyFileFormat.ElementName,
            new XAttribute(KeyFileFormat.VersionAttribute, KeyFileFormat.Version),
            new XAttribute(KeyFileFormat.KeyIdAttribute, key.Id),
            Convert.ToBase64String(sealedBytes));
        return new EncryptedXmlInfo(element, typeof(KeyFileXmlDecryptor));
    }
}
