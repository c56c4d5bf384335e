using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Tls.Acme;

public sealed class TlsAlpnChallengeTests(TlsAlpnChallengeTests.TlsAlpnOnlyHost host) : IClassFixture<TlsAlpnChallengeTests.TlsAlpnOnlyHost>
{
    [Fact]
    public async Task A_certificate_is_issued_over_TLS_ALPN_01_on_the_HTTPS_port_when_port_80_is_out_of_reach()
    {
        using var requested = await host.Api.PostAsJsonAsync("/api/v1/certificates/acme", new { name = "alpn", hostnames = new[] { "alpn.test" } });
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);

        JsonElement certificate = default;
        await Eventually.TrueAsync(
            async () =>
            {
                certificate = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/certificates/alpn");
                return certificate.GetProperty("status").GetString() is "Valid" or "Failed";
            },
            TimeSpan.FromSeconds(45),
            () => $"the certificate to be issued: {certificate}\n{host.Pebble.Output()}");

        Assert.True(certificate.GetProperty("status").GetString() == "Valid", certificate.ToString());
        await host.WaitForLiveConfigAsync();
        var served = await TlsClient.ServedCertificateAsync(host.HttpsAddress, "alpn.test");
        Assert.Contains("Pebble", served.Issuer);
    }

    /// <summary>Pebble validates HTTP-01 on a port where nothing listens, and TLS-ALPN-01 on the appliance's HTTPS port.</summary>
    public sealed class TlsAlpnOnlyHost : PebbleApplianceHost
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = AcmeSettings;
                settings["Appliance:Proxy:HttpPort"] = "0";
                settings["Appliance:Proxy:HttpsPort"] = Pebble.TlsPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
                settings["Appliance:Acme:Challenge"] = "tls-alpn-01";
                return settings;
            }
        }
    }
}
