using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Appliance.Data.KeyRing;

/// <summary>
/// Loads the certificate that protects the key ring (<c>ProtectKeysWithCertificate</c>): a
/// PKCS#12 (PFX) file, or PEM with the certificate and its private key in one file. Data
/// Protection encrypts with XML encryption, which takes RSA keys only.
/// </summary>
internal static class RingCertificate
{
    public static X509Certificate2 Load(string path, string? password)
    {
        const string Key = KeyRingOptions.CertificatePathKey;
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{Key} names '{path}', which does not exist. Every node needs the same certificate file.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = LooksLikePem(path)
                ? password is null ? X509Certificate2.CreateFromPemFile(path) : X509Certificate2.CreateFromEncryptedPemFile(path, password)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"{Key} names '{path}', which cannot be read as a PFX or PEM certificate with its private key ({e.GetType().Name}); check the file and {KeyRingOptions.CertificatePasswordKey}.");
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{Key} names '{path}', a certificate without its private key; the key ring cannot be read without it.");
        }

        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{Key} names '{path}', which is not an RSA certificate; the key ring's XML encryption needs RSA (e.g. openssl req -x509 -newkey rsa:3072 ...).");
        }

        return certificate;
    }

    private static bool LooksLikePem(string path)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[4096];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, read).Contains("-----BEGIN", StringComparison.Ordinal);
    }
}
