using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Certificates;
using Appliance.Web.Components.Pages.Dashboard;
using Appliance.Web.Tests.Tls;
using Bunit;

namespace Appliance.Web.Tests.Components.Certificates;

public sealed class CertificateFormsTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>
{
    [Fact]
    public async Task An_upload_with_a_foreign_key_shows_the_reason_next_to_the_key_and_a_good_one_is_saved()
    {
        await SignInAsync();
        var name = UniqueName("up");
        var (chain, key) = TestCertificates.Issue(["up.test"]);
        var (_, otherKey) = TestCertificates.Issue(["other.test"]);
        CertificateInfo? saved = null;
        var form = Render<CertificateUploadForm>(p => p.Add(f => f.Saved, (CertificateInfo c) => saved = c));

        form.Find("#upload-name").Change(name);
        form.Find("#upload-pem").Change(chain);
        form.Find("#upload-key").Change(otherKey);
        form.Find("[data-testid=upload]").Click();
        form.WaitForAssertion(() => Assert.Contains("does not belong to the certificate", form.Find("[data-testid=upload-form]").TextContent));
        Assert.Null(await Database.Certificates.GetAsync(name));

        form.Find("#upload-key").Change(key);
        form.Find("[data-testid=upload]").Click();
        form.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(["up.test"], (await Database.Certificates.GetAsync(name))!.Hostnames);

        // The key is gone from the form once saved.
        Assert.DoesNotContain(key.Split('\n')[1], form.Markup);
    }

    [Fact]
    public async Task An_ACME_request_for_a_wildcard_says_DNS_01_and_a_plain_name_is_queued()
    {
        await SignInAsync();
        var name = UniqueName("acme");
        var form = Render<AcmeRequestForm>();

        form.Find("#acme-name").Change(name);
        form.Find("#acme-hostnames").Change("*.example.test");
        form.Find("[data-testid=acme-request]").Click();
        form.WaitForAssertion(() => Assert.Contains("DNS-01", form.Find("[data-testid=acme-form]").TextContent));

        form.Find("#acme-hostnames").Change("app.example.test, www.example.test");
        form.Find("[data-testid=acme-request]").Click();
        form.WaitForAssertion(async () => Assert.Equal(CertificateStatus.Pending, (await Database.Certificates.GetAsync(name))?.Status));
    }

    [Fact]
    public void The_dashboard_warns_about_certificates_expiring_within_14_days_and_failures()
    {
        var now = DateTimeOffset.Parse("2026-11-27T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        CertificateInfo Certificate(string name, int days, CertificateStatus status = CertificateStatus.Valid, string? error = null) => new()
        {
            Name = name,
            Hostnames = [name + ".test"],
            Source = CertificateSource.Acme,
            Status = status,
            NotAfter = now.AddDays(days),
            LastError = error,
        };

        var warnings = Render<CertificateWarnings>(p => p
            .Add(c => c.Now, now)
            .Add(c => c.Certificates, [Certificate("fresh", 60), Certificate("soon", 10), Certificate("failing", 40, CertificateStatus.Failed, "rate limited")]));

        Assert.Empty(warnings.FindAll("[data-certificate-warning='fresh']"));
        Assert.Contains("expires on 2026-12-07", warnings.Find("[data-certificate-warning='soon']").TextContent);
        Assert.Contains("rate limited", warnings.Find("[data-certificate-warning='failing']").TextContent);
    }
}
