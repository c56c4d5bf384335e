using System.Net;
using Appliance.Data.Networking;
using Appliance.Engine.Metrics;
using Appliance.Engine.Tls;
using Appliance.Engine.Tls.Acme;
using Appliance.Engine.Tls.Sni;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Options;

namespace Appliance.Engine.DataPlane;

/// <summary>
/// The data plane's connections, before any request: where it listens, the PROXY protocol header
/// of a TCP balancer in front, Kestrel's limits against slow and greedy clients, a cap on
/// connections per client address, TLS passed through to a stream's backend by SNI, and TLS with the
/// certificate chosen by SNI (a ClientHello asking for <c>acme-tls/1</c> gets the challenge answer).
/// </summary>
internal sealed class DataPlaneKestrelSetup(
    ProxyOptions options,
    ConnectionCounter connections,
    TlsHandshakePolicy tls,
    TlsAlpnChallengeStore tlsAlpnChallenges,
    AcmeChallengeActivity acmeActivity,
    FallbackCertificate fallback,
    Streams.SniPassthrough passthrough,
    Security.Bans.BanConnectionFilter bans) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions kestrel)
    {
        kestrel.AddServerHeader = false;
        var limits = kestrel.Limits;
        limits.RequestHeadersTimeout = TimeSpan.FromSeconds(options.Limits.RequestHeadersTimeoutSeconds);
        limits.KeepAliveTimeout = TimeSpan.FromSeconds(options.Limits.KeepAliveTimeoutSeconds);
        limits.MinRequestBodyDataRate = options.Limits.MinRequestBodyBytesPerSecond > 0
            ? new MinDataRate(options.Limits.MinRequestBodyBytesPerSecond, TimeSpan.FromSeconds(5))
            : null;
        limits.MaxRequestBodySize = options.Limits.MaxRequestBodySize;
        limits.MaxRequestHeadersTotalSize = options.Limits.MaxRequestHeadersTotalSize;
        limits.MaxRequestHeaderCount = options.Limits.MaxRequestHeaderCount;
        // The cap on open connections is ours (Count), not Kestrel's, which would sit before every
        // connection middleware and so count the banned connections the tarpit holds.
        limits.MaxConcurrentConnections = null;
        limits.MaxConcurrentUpgradedConnections = options.Limits.MaxConcurrentConnections;

        if (options.BindAddress == "*")
        {
            kestrel.ListenAnyIP(options.HttpPort, Count);
            kestrel.ListenAnyIP(options.HttpsPort, Https);
        }
        else
        {
            kestrel.Listen(IPAddress.Parse(options.BindAddress), options.HttpPort, Count);
            kestrel.Listen(IPAddress.Parse(options.BindAddress), options.HttpsPort, Https);
        }
    }

    // Every connection is counted from accept to close, only so many may be open at once, and one
    // address may hold only so many of them (trusted proxies are exempt: every client arrives
    // through them). Behind a TCP balancer the PROXY header comes first, so that the cap, TLS and
    // HTTP all see the real client.
    private void Count(ListenOptions listen)
    {
        if (options.ProxyProtocol.Mode == ProxyProtocol.ProxyProtocolMode.Required)
        {
            var balancers = options.ProxyProtocol.TrustedNetworks();
            var headerTimeout = TimeSpan.FromSeconds(options.Limits.RequestHeadersTimeoutSeconds);
            listen.Use(next => connection => ProxyProtocol.ProxyProtocolConnection.HandleAsync(connection, next, balancers, headerTimeout));
        }

        // Banned and globally dropped clients go before they are counted or cost a handshake.
        listen.Use(next => connection => bans.OnConnectionAsync(connection, next));

        var perAddressCap = options.Limits.MaxConnectionsPerAddress;
        var cap = options.Limits.MaxConcurrentConnections;
        var trusted = options.TrustedNetworks();
        listen.Use(next => async connection =>
        {
            var address = ClientAddresses.NormalizeOrNull((connection.RemoteEndPoint as IPEndPoint)?.Address);
            var capped = perAddressCap > 0 && address is not null && !NetworkRanges.Contains(trusted, address);
            if (capped && !connections.TryOpenFrom(address!, perAddressCap))
            {
                connection.Abort();
                return;
            }

            if (!connections.TryOpen(cap))
            {
                if (capped)
                {
                    connections.ClosedFrom(address!);
                }

                connection.Abort();
                return;
            }

            try
            {
                await next(connection);
            }
            finally
            {
                connections.Closed();
                if (capped)
                {
                    connections.ClosedFrom(address!);
                }
            }
        });
    }

    // HTTPS: the certificate is chosen per connection by SNI; HTTP/2 or HTTP/1.1 by ALPN.
    private void Https(ListenOptions listen)
    {
        Count(listen);
        listen.Protocols = HttpProtocols.Http1AndHttp2;
        var handshakeTimeout = TimeSpan.FromSeconds(options.Limits.RequestHeadersTimeoutSeconds);

        // After the PROXY header and the connection cap, before TLS: a stream may pass the
        // connection's TLS through to its backend by the server name the ClientHello asks for.
        listen.Use(next => connection => passthrough.RouteAsync(connection, next, handshakeTimeout));
        var versions = tls.WantsOfferedVersions;
        listen.Use(next => connection => ClientHelloInspector.InspectAsync(connection, next, tlsAlpnChallenges, acmeActivity, versions, handshakeTimeout));
        listen.UseHttps(new TlsHandshakeCallbackOptions
        {
            OnConnection = context => tls.OptionsFor(context, fallback),
            HandshakeTimeout = handshakeTimeout,
        });
    }
}
