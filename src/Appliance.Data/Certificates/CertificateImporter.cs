using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.Certificates;

/// <summary>
/// Reads an uploaded PEM chain and key, a PFX, or an ACME server's chain, and checks what an
/// operator would otherwise find out from a failing handshake: that it parses, that the key belongs
/// to the certificate, and that it has not expired. Messages name the field they are about.
/// </summary>
public static class CertificateImporter
{
    /// <summary>Imports an upload; null with messages in <paramref name="errors"/> when it cannot be served.</summary>
    public static ImportedCertificate? Import(CertificateUpload upload, DateTimeOffset now, ValidationErrors errors)
    {
        var hasPem = !string.IsNullOrWhiteSpace(upload.Pem) || !string.IsNullOrWhiteSpace(upload.Key);
        var hasPfx = !string.IsNullOrWhiteSpace(upload.Pfx);
        if (hasPem == hasPfx)
        {
            errors.Add("pem", "Upload either a PEM chain with its key (pem and key) or a PFX (pfx and password), not both or neither.");
            return null;
        }

        var imported = hasPfx ? FromPfx(upload.Pfx!, upload.Password, errors) : FromPem(upload.Pem, upload.Key, errors);
        if (imported is not null && imported.NotAfter <= now)
        {
            errors.Add(hasPfx ? "pfx" : "pem", $"The certificate expired on {imported.NotAfter.UtcDateTime:yyyy-MM-dd HH:mm} UTC.");
            return null;
        }

        return imported;
    }

    /// <summary>Imports a PEM chain (certificate first) and its key, as uploaded or as an ACME server returns them.</summary>
    public static ImportedCertificate? FromPem(string? chainPem, string? keyPem, ValidationErrors errors)
    {
        var chain = new X509Certificate2Collection();
        try
        {
            chain.ImportFromPem(chainPem ?? "");
        }
        catch (CryptographicException)
        {
            chain.Clear();
        }

        if (chain.Count == 0)
        {
            errors.Add("pem", "No certificate found: paste the certificate and its intermediates in PEM, each starting with -----BEGIN CERTIFICATE-----.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(keyPem))
        {
            errors.Add("key", "The private key is required, in PEM.");
            return null;
        }

        if (keyPem.Contains("ENCRYPTED", StringComparison.Ordinal))
        {
            errors.Add("key", "The private key is encrypted: upload it decrypted, or upload a PFX with its password.");
            return null;
        }

        X509Certificate2 leaf;
        try
        {
            leaf = X509Certificate2.CreateFromPem(chain[0].ExportCertificatePem(), keyPem);
        }
        catch (CryptographicException ex) when (IsKeyUnreadable(keyPem))
        {
            errors.Add("key", $"The private key is not a PEM RSA or EC key (PKCS#8, PKCS#1 or SEC1): {ex.Message}");
            return null;
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            // .NET says "does not match" with an ArgumentException for EC keys and a CryptographicException for RSA ones.
            errors.Add("key", "The private key does not belong to the certificate (the first certificate in the chain).");
            return null;
        }

        using (leaf)
        {
            return Describe(leaf, chain.Skip(1));
        }
    }

    private static ImportedCertificate? FromPfx(string pfxBase64, string? password, ValidationErrors errors)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(pfxBase64.Trim());
        }
        catch (FormatException)
        {
            errors.Add("pfx", "The PFX must be base64-encoded.");
            return null;
        }

        X509Certificate2Collection all;
        try
        {
            all = X509CertificateLoader.LoadPkcs12Collection(bytes, password, X509KeyStorageFlags.Exportable);
        }
        catch (CryptographicException)
        {
            errors.Add("pfx", "This is not a PKCS#12 (PFX) file, or the password is wrong.");
            return null;
        }

        var leaf = all.FirstOrDefault(c => c.HasPrivateKey);
        if (leaf is null)
        {
            errors.Add("pfx", "The PFX holds no private key.");
            return null;
        }

        // Roots are left out: clients have their own, and sending one only lengthens the handshake.
        var intermediates = all.Where(c => !ReferenceEquals(c, leaf) && c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData) is false);
        return Describe(leaf, intermediates);
    }

    private static ImportedCertificate Describe(X509Certificate2 leaf, IEnumerable<X509Certificate2> intermediates)
    {
        var chainPem = new StringBuilder(leaf.ExportCertificatePem()).Append('\n');
        foreach (var intermediate in intermediates)
        {
            chainPem.Append(intermediate.ExportCertificatePem()).Append('\n');
        }

        return new ImportedCertificate(
            HostnamesOf(leaf),
            new DateTimeOffset(leaf.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            new DateTimeOffset(leaf.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            leaf.Issuer,
            leaf.Thumbprint,
            chainPem.ToString(),
            ExportKeyPem(leaf));
    }

    /// <summary>The DNS names a certificate is for: its subject alternative names, or its common name when it has none.</summary>
    public static IReadOnlyList<string> HostnamesOf(X509Certificate2 certificate)
    {
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        var names = san?.EnumerateDnsNames().Select(n => n.ToLowerInvariant()).Distinct().ToArray() ?? [];
        if (names.Length > 0)
        {
            return names;
        }

        var commonName = certificate.GetNameInfo(X509NameType.DnsName, forIssuer: false);
        return string.IsNullOrEmpty(commonName) ? [] : [commonName.ToLowerInvariant()];
    }

    private static string ExportKeyPem(X509Certificate2 certificate)
    {
        if (certificate.GetECDsaPrivateKey() is { } ec)
        {
            using (ec)
            {
                return ec.ExportPkcs8PrivateKeyPem();
            }
        }

        if (certificate.GetRSAPrivateKey() is { } rsa)
        {
            using (rsa)
            {
                return rsa.ExportPkcs8PrivateKeyPem();
            }
        }

        throw new CryptographicException("Only RSA and EC keys are supported.");
    }

    private static bool IsKeyUnreadable(string keyPem)
    {
        foreach (var algorithm in new Func<AsymmetricAlgorithm>[] { ECDsa.Create, RSA.Create })
        {
            using var key = algorithm();
            try
            {
                key.ImportFromPem(keyPem);
                return false;
            }
            catch (Exception ex) when (ex is CryptographicException or ArgumentException)
            {
            }
        }

        return true;
    }
}
