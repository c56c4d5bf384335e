using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Appliance.Web.Tests.Tls;

/// <summary>Opens TLS connections to the data plane the way a browser would, with any server name and protocol.</summary>
public static class TlsClient
{
    public static async Task<SslStream> ConnectAsync(Uri httpsAddress, string? serverName, SslProtocols protocols = SslProtocols.None, params SslApplicationProtocol[] alpn)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(httpsAddress.Host, httpsAddress.Port);
        var ssl = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, (_, _, _, _) => true);
        try
        {
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = serverName ?? "",
                EnabledSslProtocols = protocols,
                ApplicationProtocols = alpn.Length > 0 ? [.. alpn] : null,
            });
        }
        catch
        {
            await ssl.DisposeAsync();
            tcp.Dispose();
            throw;
        }

        return ssl;
    }

    /// <summary>The certificate the data plane serves for <paramref name="serverName"/>.</summary>
    public static async Task<X509Certificate2> ServedCertificateAsync(Uri httpsAddress, string? serverName)
    {
        await using var ssl = await ConnectAsync(httpsAddress, serverName);
        return new X509Certificate2(ssl.RemoteCertificate!);
    }

    /// <summary>An HttpClient for the data plane's HTTPS that trusts the test CA and resolves every host to the data plane.</summary>
    public static HttpClient CreateHttpsClient(Uri httpsAddress, Version? version = null)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true },
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(httpsAddress.Host, httpsAddress.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        return new HttpClient(handler)
        {
            DefaultRequestVersion = version ?? System.Net.HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }
}
