using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Appliance.Engine.Tls.Acme;

/// <summary>The CSR an order is finalised with: a fresh P-256 key, every name as a DNS SAN, the first also as CN.</summary>
internal static class CertificateSigningRequest
{
    public static byte[] Create(ECDsa key, IReadOnlyList<string> hostnames)
    {
        var request = new CertificateRequest(new X500DistinguishedName($"CN={hostnames[0]}"), key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var host in hostnames)
        {
            san.AddDnsName(host);
        }

        request.CertificateExtensions.Add(san.Build());
        return request.CreateSigningRequest();
    }
}
