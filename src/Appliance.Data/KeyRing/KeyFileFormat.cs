using System.Text;
using System.Xml.Linq;

namespace Appliance.Data.KeyRing;

/// <summary>
/// The shape of a key ring entry encrypted with the key file:
/// <c>&lt;keyFileEncrypted version="1" keyId="…"&gt;base64(nonce ‖ ciphertext ‖ tag)&lt;/…&gt;</c>.
/// Version and key id are authenticated with the ciphertext, so neither can be swapped.
/// </summary>
internal static class KeyFileFormat
{
    public const int Version = 1;
    public const int NonceSize = 12;
    public const int TagSize = 16;

    public static readonly XName ElementName = "keyFileEncrypted";
    public const string VersionAttribute = "version";
    public const string KeyIdAttribute = "keyId";

    public static byte[] AssociatedData(int version, string keyId) =>
        Encoding.ASCII.GetBytes($"Appliance.KeyRing.v{version}:{keyId}");
}
