using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Appliance.Web.Tests.Tls;

/// <summary>Certificates for the TLS tests, issued by a throw-away CA: ECDSA P-256, as the appliance's own are.</summary>
public static class TestCertificates
{
    private static readonly Lazy<(X509Certificate2 Certificate, ECDsa Key)> Authority = new(CreateAuthority);

    /// <summary>The test CA, to verify served chains against.</summary>
    public static X509Certificate2 Root => Authority.Value.Certificate;

    /// <summary>A leaf for <paramref name="names"/> (SANs), PEM chain and PKCS#8 key.</summary>
    public static (string ChainPem, string KeyPem) Issue(string[] names, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={names[0]}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            san.AddDnsName(name);
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var (ca, caKey) = Authority.Value;
        var serial = RandomNumberGenerator.GetBytes(16);
        using var issued = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey),
            notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddDays(30), serial);
        return (issued.ExportCertificatePem() + "\n", key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>The same as <see cref="Issue"/>, packed as a PFX with <paramref name="password"/>.</summary>
    public static string IssuePfxBase64(string[] names, string password)
    {
        var (chainPem, keyPem) = Issue(names);
        using var certificate = X509Certificate2.CreateFromPem(chainPem, keyPem);
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12, password));
    }

    private static (X509Certificate2, ECDsa) CreateAuthority()
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Appliance Test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return (request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddYears(1)), key);
    }
}
