using System.Security.Cryptography;
using System.Xml.Linq;
using Appliance.Data.KeyRing;

namespace Appliance.Data.Tests.KeyRing;

public sealed class KeyFileXmlEncryptorTests
{
    private static readonly XElement Secret = XElement.Parse("<descriptor><masterKey><value>c2VjcmV0LWtleS1tYXRlcmlhbA==</value></masterKey></descriptor>");

    [Fact]
    public void An_entry_round_trips_and_holds_no_plain_text()
    {
        var keys = Keys();
        var encrypted = new KeyFileXmlEncryptor(keys).Encrypt(Secret);

        Assert.Equal(typeof(KeyFileXmlDecryptor), encrypted.DecryptorType);
        Assert.DoesNotContain("masterKey", encrypted.EncryptedElement.ToString());
        Assert.Equal(keys.Current.Id, (string?)encrypted.EncryptedElement.Attribute("keyId"));
        Assert.Equal("1", (string?)encrypted.EncryptedElement.Attribute("version"));
        Assert.True(XNode.DeepEquals(Secret, new KeyFileXmlDecryptor(keys).Decrypt(encrypted.EncryptedElement)));
    }

    [Fact]
    public void Another_key_file_is_named_as_the_cause()
    {
        var writer = Keys();
        var reader = Keys();
        var encrypted = new KeyFileXmlEncryptor(writer).Encrypt(Secret).EncryptedElement;

        var error = Assert.Throws<CryptographicException>(() => new KeyFileXmlDecryptor(reader).Decrypt(encrypted));
        Assert.Contains(writer.Current.Id, error.Message);
        Assert.Contains(reader.Current.Id, error.Message);
        Assert.Contains(KeyRingOptions.KeyFileKey, error.Message);
    }

    [Fact]
    public void The_previous_key_file_still_reads_what_it_wrote_during_a_rotation()
    {
        var old = Keys();
        var encrypted = new KeyFileXmlEncryptor(old).Encrypt(Secret).EncryptedElement;
        var rotated = new RingKeys(Keys().Current, [old.Current]);

        Assert.True(XNode.DeepEquals(Secret, new KeyFileXmlDecryptor(rotated).Decrypt(encrypted)));
        Assert.Equal(rotated.Current.Id, (string?)new KeyFileXmlEncryptor(rotated).Encrypt(Secret).EncryptedElement.Attribute("keyId"));
    }

    [Fact]
    public void A_changed_entry_is_refused()
    {
        var keys = Keys();
        var encrypted = new KeyFileXmlEncryptor(keys).Encrypt(Secret).EncryptedElement;
        var bytes = Convert.FromBase64String(encrypted.Value);
        bytes[20] ^= 1;
        encrypted.Value = Convert.ToBase64String(bytes);

        var error = Assert.Throws<CryptographicException>(() => new KeyFileXmlDecryptor(keys).Decrypt(encrypted));
        Assert.Contains("failed authentication", error.Message);
    }

    [Fact]
    public void A_version_or_key_id_swapped_in_the_entry_is_refused()
    {
        var keys = Keys();
        var unknownVersion = new KeyFileXmlEncryptor(keys).Encrypt(Secret).EncryptedElement;
        unknownVersion.SetAttributeValue("version", "2");
        Assert.Contains("version 2", Assert.Throws<CryptographicException>(() => new KeyFileXmlDecryptor(keys).Decrypt(unknownVersion)).Message);

        // The key id is authenticated too: relabelling an entry to another known key fails.
        var other = Keys();
        var both = new RingKeys(keys.Current, [other.Current]);
        var relabelled = new KeyFileXmlEncryptor(keys).Encrypt(Secret).EncryptedElement;
        relabelled.SetAttributeValue("keyId", other.Current.Id);
        Assert.Throws<CryptographicException>(() => new KeyFileXmlDecryptor(both).Decrypt(relabelled));
    }

    [Fact]
    public void The_key_id_is_stable_for_one_key_and_reveals_no_key_bytes()
    {
        var material = RandomNumberGenerator.GetBytes(RingKey.SizeInBytes);
        Assert.Equal(RingKey.FromBytes(material).Id, RingKey.FromBytes(material).Id);
        Assert.Equal(16, RingKey.FromBytes(material).Id.Length);
        Assert.DoesNotContain(Convert.ToHexStringLower(material.AsSpan(0, 8)), RingKey.FromBytes(material).Id);
    }

    private static RingKeys Keys() => new(RingKey.FromBytes(RandomNumberGenerator.GetBytes(RingKey.SizeInBytes)), []);
}
