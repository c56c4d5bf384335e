using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Tls.Acme;

public sealed class AcmeRenewalTests(AcmeRenewalTests.ShortLivedCertificatesHost host) : IClassFixture<AcmeRenewalTests.ShortLivedCertificatesHost>
{
    [Fact]
    public async Task A_certificate_is_renewed_with_a_third_of_its_life_left_and_served_without_a_gap()
    {
        using var requested = await host.Api.PostAsJsonAsync("/api/v1/certificates/acme", new { name = "brief", hostnames = new[] { "brief.test" } });
        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);

        var first = await WaitAsync(c => c.GetProperty("status").GetString() == "Valid", "the first issuance");
        var notBefore = first.GetProperty("notBefore").GetDateTimeOffset();
        var notAfter = first.GetProperty("notAfter").GetDateTimeOffset();
        var renewAt = first.GetProperty("nextAttemptAt").GetDateTimeOffset();
        Assert.Equal(notAfter - (notAfter - notBefore) / 3, renewAt);

        // Once live, until the successor is live, every handshake gets the first certificate, never the fallback.
        await host.WaitForLiveConfigAsync();
        var fallback = (await TlsClient.ServedCertificateAsync(host.HttpsAddress, null)).Thumbprint;
        var firstThumbprint = first.GetProperty("thumbprint").GetString();
        var served = new List<string>();
        var renewed = await WaitAsync(
            c =>
            {
                var thumbprint = TlsClient.ServedCertificateAsync(host.HttpsAddress, "brief.test").GetAwaiter().GetResult().Thumbprint;
                served.Add(thumbprint);
                return c.GetProperty("thumbprint").GetString() != firstThumbprint;
            },
            "the renewal");

        Assert.True(DateTimeOffset.UtcNow >= renewAt, "Renewed before a third of the lifetime was left.");
        Assert.All(served, thumbprint => Assert.NotEqual(fallback, thumbprint));
        Assert.DoesNotContain(served, thumbprint => thumbprint != firstThumbprint && thumbprint != renewed.GetProperty("thumbprint").GetString());
        await host.WaitForLiveConfigAsync();
        Assert.Equal(renewed.GetProperty("thumbprint").GetString(), (await TlsClient.ServedCertificateAsync(host.HttpsAddress, "brief.test")).Thumbprint);

        var audit = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/audit?take=1000");
        var issues = audit.EnumerateArray().Count(e => e.GetProperty("entityName").GetString() == "brief" && e.GetProperty("action").GetString() == "Issue");
        Assert.True(issues >= 2, $"Expected the issuance and the renewal in the audit trail, found {issues}.");
    }

    private async Task<JsonElement> WaitAsync(Func<JsonElement, bool> condition, string what)
    {
        JsonElement certificate = default;
        await Eventually.TrueAsync(
            async () =>
            {
                certificate = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/certificates/brief");
                return condition(certificate);
            },
            TimeSpan.FromSeconds(60),
            () => $"{what}; the certificate is {certificate}\n{host.Pebble.Output()}");
        return certificate;
    }

    /// <summary>Pebble issuing 30-second certificates: renewal is due 20 seconds after issuance.</summary>
    public sealed class ShortLivedCertificatesHost : PebbleApplianceHost
    {
        protected override int? CertificateValiditySeconds => 30;
    }
}
