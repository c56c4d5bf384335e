using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Appliance.Engine.Tls;
using Appliance.Engine.Tls.Acme;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Engine.Tests.Tls;

public sealed class ClientHelloParserTests
{
    [Theory]
    [InlineData(new[] { "acme-tls/1" }, true)]
    [InlineData(new[] { "h2", "http/1.1", "acme-tls/1" }, true)]
    [InlineData(new[] { "h2", "http/1.1" }, false)]
    [InlineData(new string[0], false)]
    public async Task The_protocols_a_real_ClientHello_offers_are_found(string[] alpn, bool offersAcme)
    {
        var hello = await CaptureClientHelloAsync(alpn);

        Assert.Equal(hello.Length, ClientHelloParser.RecordLength(new ReadOnlySequence<byte>(hello)));
        Assert.Equal(offersAcme, ClientHelloParser.Parse(hello, "acme-tls/1"u8).HasFlag(ClientHelloOffers.Protocol));
    }

    [Theory]
    [InlineData(SslProtocols.Tls12 | SslProtocols.Tls13, true)]
    [InlineData(SslProtocols.Tls13, true)]
    [InlineData(SslProtocols.Tls12, false)]
    public async Task TLS_1_3_is_found_in_supported_versions_whatever_the_legacy_version_says(SslProtocols protocols, bool offersTls13)
    {
        var hello = await CaptureClientHelloAsync(["h2"], protocols);

        Assert.Equal(offersTls13, ClientHelloParser.Parse(hello, "acme-tls/1"u8).HasFlag(ClientHelloOffers.Tls13));
        Assert.False(ClientHelloParser.Parse(hello, "acme-tls/1"u8).HasFlag(ClientHelloOffers.Protocol));
    }

    [Fact]
    public void Garbage_and_truncated_records_offer_nothing()
    {
        Assert.Equal(0, ClientHelloParser.RecordLength(new ReadOnlySequence<byte>("GET / HTTP/1.1\r\n"u8.ToArray())));
        Assert.Equal(ClientHelloOffers.None, ClientHelloParser.Parse([0x16, 0x03, 0x01, 0x00, 0x40, 0x01], "acme-tls/1"u8));
        Assert.Equal(ClientHelloOffers.None, ClientHelloParser.Parse([], "acme-tls/1"u8));
    }

    [Fact]
    public void The_challenge_certificate_carries_the_digest_of_the_key_authorization_in_a_critical_extension()
    {
        var context = TlsAlpnChallengeStore.CreateCertificate("app.test", "token.thumbprint", new FakeTimeProvider(DateTimeOffset.UtcNow));

        var certificate = context.TargetCertificate;
        var extension = certificate.Extensions.Cast<X509Extension>().Single(e => e.Oid?.Value == "1.3.6.1.5.5.7.1.31");
        Assert.True(extension.Critical);
        Assert.Equal([0x04, 0x20, .. SHA256.HashData("token.thumbprint"u8)], extension.RawData);
        Assert.Equal(["app.test"], certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames());
    }

    // What a TLS client really sends: SslStream's ClientHello, read by a listener that never answers.
    private static async Task<byte[]> CaptureClientHelloAsync(string[] alpn, SslProtocols protocols = SslProtocols.None)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        using var server = await listener.AcceptTcpClientAsync();
        var ssl = new SslStream(client.GetStream());
        var handshake = ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "app.test",
            EnabledSslProtocols = protocols,
            ApplicationProtocols = alpn.Length == 0 ? null : alpn.Select(p => new SslApplicationProtocol(p)).ToList(),
        });

        var stream = server.GetStream();
        var header = new byte[5];
        await stream.ReadExactlyAsync(header);
        var record = new byte[5 + ((header[3] << 8) | header[4])];
        header.CopyTo(record, 0);
        await stream.ReadExactlyAsync(record.AsMemory(5));
        client.Close();
        await Assert.ThrowsAnyAsync<Exception>(() => handshake);
        return record;
    }
}
