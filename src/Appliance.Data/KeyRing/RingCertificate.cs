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
    public static X509Certificate2 Load(string path, string? password, string key, string passwordKey)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{key} names '{path}', which does not exist. Every node needs the same certificate file.");
        }

        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{key} names '{path}', which cannot be read ({e.GetType().Name}).");
        }

        var text = System.Text.Encoding.UTF8.GetString(content);
        var pem = text.Contains("-----BEGIN", StringComparison.Ordinal);
        if (pem && !text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw WithoutPrivateKey(key, path);
        }

        X509Certificate2 certificate;
        try
        {
            certificate = pem
                ? password is null ? X509Certificate2.CreateFromPem(text, text) : X509Certificate2.CreateFromEncryptedPem(text, text, password)
                : X509CertificateLoader.LoadPkcs12(content, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"{key} names '{path}', which cannot be read as a PFX or PEM certificate with its private key ({e.GetType().Name}); check the file and {passwordKey}.");
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw WithoutPrivateKey(key, path);
        }

        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{key} names '{path}', which is not an RSA certificate; the key ring's XML encryption needs RSA (e.g. openssl req -x509 -newkey rsa:3072 ...).");
        }

        return certificate;
    }

    private static InvalidOperationException WithoutPrivateKey(string key, string path) =>
        new($"{key} names '{path}', a certificate without its private key; the key ring cannot be read without it.");
}
