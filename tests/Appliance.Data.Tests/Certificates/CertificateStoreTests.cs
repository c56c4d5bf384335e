using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Appliance.Data.Certificates;
using Appliance.Data.Model;
using Appliance.Data.Tests.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Certificates;

public sealed class CertificateStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private CertificateStore Certificates => fixture.Services.GetRequiredService<CertificateStore>();

    [Theory]
    [InlineData("ninety", 90, 60)]
    [InlineData("six", 6, 4)]
    public async Task An_issued_certificate_is_due_for_renewal_with_a_third_of_its_lifetime_left(string name, int lifetimeDays, int renewAfterDays)
    {
        Assert.True((await Certificates.RequestAcmeAsync(new AcmeCertificateRequest { Name = name, Hostnames = [name + ".test"] }, "test")).Succeeded);
        Assert.Contains(await Certificates.GetDueAsync(fixture.Clock.GetUtcNow()), d => d.Name == name && !d.HasCertificate);

        var issuedAt = fixture.Clock.GetUtcNow();
        var (chain, key) = Issue(name + ".test", issuedAt, issuedAt.AddDays(lifetimeDays));
        var issued = await Certificates.RecordIssuedAsync(name, chain, key);
        Assert.True(issued.Succeeded);
        Assert.Equal(issuedAt.AddDays(renewAfterDays), issued.Value!.NextAttemptAt);

        fixture.Clock.Advance(TimeSpan.FromDays(renewAfterDays) - TimeSpan.FromMinutes(1));
        Assert.DoesNotContain(await Certificates.GetDueAsync(fixture.Clock.GetUtcNow()), d => d.Name == name);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains(await Certificates.GetDueAsync(fixture.Clock.GetUtcNow()), d => d.Name == name && d.HasCertificate);
    }

    [Fact]
    public async Task Failures_back_off_exponentially_and_keep_the_certificate_that_works()
    {
        Assert.True((await Certificates.RequestAcmeAsync(new AcmeCertificateRequest { Name = "flaky", Hostnames = ["flaky.test"] }, "test")).Succeeded);
        var now = fixture.Clock.GetUtcNow();
        var (chain, key) = Issue("flaky.test", now, now.AddDays(90));
        await Certificates.RecordIssuedAsync("flaky", chain, key);

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 9; i++)
        {
            var failed = await Certificates.RecordFailureAsync("flaky", "urn:ietf:params:acme:error:rateLimited");
            waits.Add(failed.Value!.NextAttemptAt!.Value - fixture.Clock.GetUtcNow());
            Assert.Equal(CertificateStatus.Failed, failed.Value.Status);
        }

        Assert.Equal(TimeSpan.FromMinutes(5), waits[0]);
        Assert.Equal(TimeSpan.FromMinutes(10), waits[1]);
        Assert.Equal(TimeSpan.FromMinutes(20), waits[2]);
        Assert.Equal(TimeSpan.FromHours(6), waits[^1]);
        Assert.Contains(await Certificates.GetServableAsync(), s => s.Name == "flaky");
    }

    [Fact]
    public async Task A_key_the_key_ring_cannot_open_is_skipped_and_the_other_certificates_still_load()
    {
        var now = fixture.Clock.GetUtcNow();
        foreach (var name in new[] { "readable", "unreadable" })
        {
            var (chain, key) = Issue(name + ".test", now.AddDays(-1), now.AddDays(30));
            Assert.True((await Certificates.UploadAsync(new CertificateUpload { Name = name, Pem = chain, Key = key }, "test")).Succeeded);
        }

        await using (var db = await fixture.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ApplianceDbContext>>().CreateDbContextAsync())
        {
            var broken = db.Certificates.Single(c => c.Name == "unreadable");
            broken.ProtectedKey = "CfDJ8-not-a-protected-payload";
            await db.SaveChangesAsync();
        }

        var servable = await Certificates.GetServableAsync();

        Assert.Contains(servable, s => s.Name == "readable");
        Assert.DoesNotContain(servable, s => s.Name == "unreadable");
    }

    private static (string Chain, string Key) Issue(string host, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(host);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
