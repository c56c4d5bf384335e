using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Appliance.Engine.Tls.Acme;

/// <summary>The HTTP client the ACME client talks through: the system's trust, plus one extra root for a private or test CA.</summary>
internal static class AcmeHttpClient
{
    public static HttpClient Create(AcmeOptions options)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(15) };
        if (options.TrustedRootFile is { Length: > 0 } rootFile)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(rootFile);
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                {
                    if (errors == SslPolicyErrors.None)
                    {
                        return true;
                    }

                    if (certificate is null || chain is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                    {
                        return false;
                    }

                    // The server's chain, checked against the configured root instead of the system's.
                    using var custom = new X509Chain();
                    custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    custom.ChainPolicy.CustomTrustStore.AddRange(roots);
                    custom.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
                    custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return custom.Build(new X509Certificate2(certificate));
                },
            };
        }

        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }
}
