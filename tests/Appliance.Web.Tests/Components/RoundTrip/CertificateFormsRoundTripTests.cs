using Appliance.Web.Components.Pages.Certificates;
using Appliance.Web.Tests.Infrastructure;
using Appliance.Web.Tests.Tls;
using Bunit;

namespace Appliance.Web.Tests.Components.RoundTrip;

// Certificates have no edit form: both forms only add. What they must never do is replace a stored
// certificate they did not show, whatever is typed into them.
[Collection(FormRoundTrips.Name)]
public sealed class CertificateFormsRoundTripTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task Uploading_under_a_taken_name_changes_nothing()
    {
        var name = await UploadAsync();
        var before = await GetJsonAsync($"/api/v1/certificates/{name}");
        var (chain, key) = TestCertificates.Issue(["other.example.test"]);

        var form = Render<CertificateUploadForm>();
        form.Find("#upload-name").Change(name);
        form.Find("#upload-pem").Change(chain);
        form.Find("#upload-key").Change(key);
        form.Find("[data-testid=upload]").Click();

        form.WaitForAssertion(() => Assert.Contains($"A certificate named '{name}' already exists", form.Find("[data-testid=upload-form]").TextContent));
        Assert.Equal(before, await GetJsonAsync($"/api/v1/certificates/{name}"));
    }

    [Fact]
    public async Task Requesting_an_ACME_certificate_under_a_taken_name_changes_nothing()
    {
        var name = await UploadAsync();
        var before = await GetJsonAsync($"/api/v1/certificates/{name}");

        var form = Render<AcmeRequestForm>();
        form.Find("#acme-name").Change(name);
        form.Find("#acme-hostnames").Change("other.example.test");
        form.Find("[data-testid=acme-request]").Click();

        form.WaitForAssertion(() => Assert.Contains($"A certificate named '{name}' already exists", form.Find("[data-testid=acme-form]").TextContent));
        Assert.Equal(before, await GetJsonAsync($"/api/v1/certificates/{name}"));
    }

    private async Task<string> UploadAsync()
    {
        var name = UniqueName("cert");
        var (chain, key) = TestCertificates.Issue(["stored.example.test", "www.stored.example.test"]);
        await PostAsync("/api/v1/certificates", new { name, pem = chain, key });
        return name;
    }
}
