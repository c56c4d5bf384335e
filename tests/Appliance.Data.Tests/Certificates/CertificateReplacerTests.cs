using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Appliance.Data.Auditing;
using Appliance.Data.Certificates;
using Appliance.Data.Entities;
using Appliance.Data.History;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Data.Tests.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Certificates;

/// <summary>Replacing an uploaded certificate in place, on both providers: what it checks first, what it writes and what it keeps.</summary>
public sealed class CertificateReplacerTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private CertificateStore Certificates => fixture.Services.GetRequiredService<CertificateStore>();

    private CertificateReplacer Replacer => fixture.Services.GetRequiredService<CertificateReplacer>();

    private ConfigStore Store => fixture.Services.GetRequiredService<ConfigStore>();

    [Fact]
    public async Task A_certificate_a_route_uses_is_replaced_in_place_audited_with_both_thumbprints_and_kept_in_the_history()
    {
        var old = await UploadAsync("rotated", ["rotated.test"]);
        await AddRouteAsync("rotated-route", "rotated", "rotated.test");
        var revision = await Store.GetRevisionAsync();
        var (chain, key) = Issue(["rotated.test", "www.rotated.test"], days: 60);

        var replaced = await Replacer.ReplaceAsync("rotated", new CertificateUpload { Pem = chain, Key = key }, "ops");

        Assert.True(replaced.Succeeded, replaced.Detail);
        Assert.NotEqual(old.Thumbprint, replaced.Value!.Thumbprint);
        Assert.Equal(["rotated.test", "www.rotated.test"], replaced.Value.Hostnames);
        Assert.Equal(["rotated-route"], replaced.Value.UsedBy);
        Assert.Equal(CertificateSource.Uploaded, replaced.Value.Source);
        Assert.Equal(revision + 1, await Store.GetRevisionAsync());

        var served = Assert.Single(await Certificates.GetServableAsync(), s => s.Name == "rotated");
        using (var leaf = X509Certificate2.CreateFromPem(served.ChainPem))
        {
            Assert.Equal(replaced.Value.Thumbprint, leaf.Thumbprint);
        }

        var entry = (await fixture.Services.GetRequiredService<AuditLog>().GetLatestAsync(1)).Single();
        Assert.Equal((AuditAction.Replace, "certificate", "rotated", "ops"), (entry.Action, entry.EntityType, entry.EntityName, entry.Actor));
        Assert.Contains(old.Thumbprint!, entry.Before);
        Assert.Contains(replaced.Value.Thumbprint!, entry.After);
        Assert.Contains(replaced.Value.NotAfter!.Value.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.After);
        Assert.DoesNotContain("PRIVATE KEY", entry.Before + entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain(key.Split('\n')[1], entry.Before + entry.After, StringComparison.Ordinal);

        var kept = (await fixture.Services.GetRequiredService<ConfigHistory>().ListAsync(1)).Single();
        Assert.Equal("certificate 'rotated' replaced", kept.Summary);
    }

    [Fact]
    public async Task A_successor_that_drops_a_host_a_route_serves_is_refused_and_the_old_one_stays()
    {
        var old = await UploadAsync("narrowed", ["a.narrowed.test", "b.narrowed.test", "spare.narrowed.test"]);
        await AddRouteAsync("narrowed-route", "narrowed", "a.narrowed.test", "b.narrowed.test:8443", "uncovered.narrowed.test");
        var revision = await Store.GetRevisionAsync();
        var (chain, key) = Issue(["a.narrowed.test"], days: 60);

        var refused = await Replacer.ReplaceAsync("narrowed", new CertificateUpload { Pem = chain, Key = key }, "ops");

        Assert.Equal(StoreStatus.Invalid, refused.Status);
        var message = Assert.Single(refused.Errors["pem"]);
        Assert.Contains("b.narrowed.test (route 'narrowed-route')", message, StringComparison.Ordinal);

        // A host the old one did not cover either, and a name no route serves, are not the replacement's doing.
        Assert.DoesNotContain("uncovered", message, StringComparison.Ordinal);
        Assert.DoesNotContain("spare", message, StringComparison.Ordinal);
        Assert.Equal(revision, await Store.GetRevisionAsync());
        Assert.Equal(old.Thumbprint, (await Certificates.GetAsync("narrowed"))!.Thumbprint);

        // A wildcard covering the names does.
        var (wildChain, wildKey) = Issue(["*.narrowed.test"], days: 60);
        Assert.True((await Replacer.ReplaceAsync("narrowed", new CertificateUpload { Pem = wildChain, Key = wildKey }, "ops")).Succeeded);
    }

    [Fact]
    public async Task Bad_successors_unknown_names_ACME_certificates_and_renames_are_refused_with_their_reason()
    {
        var old = await UploadAsync("guarded", ["guarded.test"]);
        var (chain, _) = Issue(["guarded.test"], days: 60);
        var (_, foreignKey) = Issue(["other.test"], days: 60);
        var (expiredChain, expiredKey) = Issue(["guarded.test"], days: -1);

        var foreign = await Replacer.ReplaceAsync("guarded", new CertificateUpload { Pem = chain, Key = foreignKey }, "ops");
        Assert.Contains("does not belong", Assert.Single(foreign.Errors["key"]), StringComparison.Ordinal);
        var expired = await Replacer.ReplaceAsync("guarded", new CertificateUpload { Pem = expiredChain, Key = expiredKey }, "ops");
        Assert.Contains("expired", Assert.Single(expired.Errors["pem"]), StringComparison.Ordinal);
        var pfx = await Replacer.ReplaceAsync("guarded", new CertificateUpload { Pfx = Convert.ToBase64String([1, 2, 3]), Password = "x" }, "ops");
        Assert.Contains("not a PKCS#12", Assert.Single(pfx.Errors["pfx"]), StringComparison.Ordinal);
        var renamed = await Replacer.ReplaceAsync("guarded", new CertificateUpload { Name = "other", Pem = chain, Key = foreignKey }, "ops");
        Assert.Contains("cannot be changed", Assert.Single(renamed.Errors["name"]), StringComparison.Ordinal);
        Assert.Equal(old.Thumbprint, (await Certificates.GetAsync("guarded"))!.Thumbprint);

        var (goodChain, goodKey) = Issue(["guarded.test"], days: 60);
        Assert.Equal(StoreStatus.NotFound, (await Replacer.ReplaceAsync("absent", new CertificateUpload { Pem = goodChain, Key = goodKey }, "ops")).Status);

        Assert.True((await Certificates.RequestAcmeAsync(new AcmeCertificateRequest { Name = "from-acme", Hostnames = ["guarded.test"] }, "ops")).Succeeded);
        var acme = await Replacer.ReplaceAsync("from-acme", new CertificateUpload { Pem = goodChain, Key = goodKey }, "ops");
        Assert.Equal(StoreStatus.Conflict, acme.Status);
        Assert.Contains("ACME", acme.Detail, StringComparison.Ordinal);
        Assert.Equal(CertificateSource.Acme, (await Certificates.GetAsync("from-acme"))!.Source);
    }

    [Fact]
    public async Task Used_by_names_the_routes_that_name_a_certificate_and_the_route_whose_automatic_certificate_it_is()
    {
        await UploadAsync("shared-cert", ["one.used.test", "two.used.test"]);
        await AddRouteAsync("used-two", "shared-cert", "two.used.test");
        await AddRouteAsync("used-one", "shared-cert", "one.used.test");
        await AddRouteAsync("used-auto", TlsModes.Auto, "auto.used.test");
        await Certificates.EnsureAutomaticAsync("used-auto", ["auto.used.test"]);

        var listed = await Certificates.ListAsync();

        Assert.Equal(["used-one", "used-two"], listed.Single(c => c.Name == "shared-cert").UsedBy);
        Assert.Equal(["used-auto"], (await Certificates.GetAsync(TlsModes.AutoCertificateName("used-auto")))!.UsedBy);
        Assert.Contains("replace the certificate instead", (await Certificates.DeleteAsync("shared-cert", "ops")).Detail, StringComparison.Ordinal);
    }

    private async Task<CertificateInfo> UploadAsync(string name, string[] hosts)
    {
        var (chain, key) = Issue(hosts, days: 30);
        var uploaded = await Certificates.UploadAsync(new CertificateUpload { Name = name, Pem = chain, Key = key }, "test");
        Assert.True(uploaded.Succeeded, uploaded.Detail);
        return uploaded.Value!;
    }

    private async Task AddRouteAsync(string name, string tls, params string[] hosts)
    {
        var pool = name + "-pool";
        Assert.True((await Store.Pools.CreateAsync(new PoolSpec { Name = pool, Backends = [new BackendSpec { Address = "http://127.0.0.1:9" }] }, "test")).Succeeded);
        var created = await Store.Routes.CreateAsync(new RouteSpec { Name = name, Hosts = hosts, Tls = tls, Targets = [new TargetSpec { Pool = pool }] }, "test");
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
    }

    private (string Chain, string Key) Issue(string[] hosts, int days)
    {
        var now = fixture.Clock.GetUtcNow();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={hosts[0]}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts)
        {
            san.AddDnsName(host);
        }

        request.CertificateExtensions.Add(san.Build());
        var notAfter = now.AddDays(days);
        using var certificate = request.CreateSelfSigned(days < 0 ? notAfter.AddDays(-10) : now.AddDays(-1), notAfter);
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
