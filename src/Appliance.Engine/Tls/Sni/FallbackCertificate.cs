using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Appliance.Data.Certificates;
using Appliance.Data.Hosting;

namespace Appliance.Engine.Tls.Sni;

/// <summary>
/// The self-signed certificate served when no other matches the client's server name (scanners,
/// clients that send no SNI, names not configured yet). Generated once, then kept in the data
/// directory with its key encrypted, so it does not change at every start.
/// </summary>
public sealed class FallbackCertificate
{
    private const string SubjectName = "CN=appliance.invalid";
    private readonly Lazy<SslStreamCertificateContext> _context;

    public FallbackCertificate(DataDirectory dataDirectory, CertificateKeyProtector keys, TimeProvider time)
    {
        var folder = Path.Combine(dataDirectory.FullPath, "tls");
        _context = new Lazy<SslStreamCertificateContext>(() => LoadOrCreate(folder, keys, time));
    }

    public SslStreamCertificateContext Context => _context.Value;

    private static SslStreamCertificateContext LoadOrCreate(string folder, CertificateKeyProtector keys, TimeProvider time)
    {
        var chainPath = Path.Combine(folder, "fallback.pem");
        var keyPath = Path.Combine(folder, "fallback.key.protected");
        if (File.Exists(chainPath) && File.Exists(keyPath))
        {
            try
            {
                return CertificateSetBuilder.CreateContext(File.ReadAllText(chainPath), keys.Unprotect(File.ReadAllText(keyPath)));
            }
            catch (CryptographicException)
            {
                // A key ring that lost its keys cannot read the old key: make a new certificate.
            }
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(SubjectName, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        var chainPem = certificate.ExportCertificatePem();
        var keyPem = key.ExportPkcs8PrivateKeyPem();

        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        File.WriteAllText(chainPath, chainPem);
        File.WriteAllText(keyPath, keys.Protect(keyPem));
        return CertificateSetBuilder.CreateContext(chainPem, keyPem);
    }
}
