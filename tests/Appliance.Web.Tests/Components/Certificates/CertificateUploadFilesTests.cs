using System.Security.Cryptography.X509Certificates;
using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Certificates;
using Appliance.Web.Tests.Tls;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;

namespace Appliance.Web.Tests.Components.Certificates;

/// <summary>The upload form's file pickers: files fill what pasting fills, and a file of the wrong kind or size is named next to its field.</summary>
public sealed class CertificateUploadFilesTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>
{
    [Fact]
    public async Task A_chain_file_and_a_key_file_are_uploaded_and_the_file_names_shown()
    {
        await SignInAsync();
        var name = UniqueName("files");
        var (chain, key) = TestCertificates.Issue(["files.test", "www.files.test"]);
        CertificateInfo? saved = null;
        var form = Render<CertificateUploadForm>(p => p.Add(f => f.Saved, (CertificateInfo c) => saved = c));

        form.Find("#upload-name").Change(name);
        Pick(form, "pem-file", InputFileContent.CreateFromText(chain, "fullchain.pem"));
        Pick(form, "key-file", InputFileContent.CreateFromText(key, "privkey.pem"));

        WaitForRead(form, "pem-file", "fullchain.pem");
        WaitForRead(form, "key-file", "privkey.pem");
        Assert.Contains("BEGIN CERTIFICATE", form.Find("#upload-pem").GetAttribute("value"), StringComparison.Ordinal);
        Assert.Contains("BEGIN PRIVATE KEY", form.Find("#upload-key").GetAttribute("value"), StringComparison.Ordinal);
        await form.InvokeAsync(() => form.Find("[data-testid=upload]").Click());

        form.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(["files.test", "www.files.test"], (await Database.Certificates.GetAsync(name))!.Hostnames);
    }

    [Fact]
    public async Task Files_of_the_wrong_kind_or_too_large_are_refused_next_to_their_field_and_nothing_is_saved()
    {
        await SignInAsync();
        var name = UniqueName("wrong");
        var (chain, key) = TestCertificates.Issue(["wrong.test"]);
        var der = X509Certificate2.CreateFromPem(chain).RawData;
        var form = Render<CertificateUploadForm>();
        form.Find("#upload-name").Change(name);

        Pick(form, "pem-file", InputFileContent.CreateFromBinary(der, "site.der"));
        form.WaitForAssertion(() => Assert.Contains("'site.der' holds no PEM certificate", Text(form), StringComparison.Ordinal));
        Assert.Contains("openssl x509 -inform der", Text(form), StringComparison.Ordinal);

        Pick(form, "key-file", InputFileContent.CreateFromText(chain, "site.crt"));
        form.WaitForAssertion(() => Assert.Contains("'site.crt' holds a certificate, not its private key", Text(form), StringComparison.Ordinal));

        Pick(form, "pfx-file", InputFileContent.CreateFromText(key, "site.key"));
        form.WaitForAssertion(() => Assert.Contains("'site.key' is a PEM text file, not a PFX", Text(form), StringComparison.Ordinal));

        Pick(form, "pem-file", InputFileContent.CreateFromText(chain + new string('#', 70 * 1024), "huge.pem"));
        form.WaitForAssertion(() => Assert.Contains("'huge.pem' is 71 KiB; this file may be at most 64 KiB.", Text(form), StringComparison.Ordinal));

        // None of them reached a field: the form still holds nothing to upload, and the store says so.
        await form.InvokeAsync(() => form.Find("[data-testid=upload]").Click());
        form.WaitForAssertion(() => Assert.Contains("Upload either a PEM chain with its key", Text(form), StringComparison.Ordinal));
        Assert.Null(await Database.Certificates.GetAsync(name));
    }

    [Fact]
    public async Task A_PFX_file_that_does_not_open_gets_the_APIs_message_and_a_good_one_with_its_password_is_saved()
    {
        await SignInAsync();
        var name = UniqueName("pfx");
        var form = Render<CertificateUploadForm>();
        form.Find("#upload-name").Change(name);

        Pick(form, "pfx-file", InputFileContent.CreateFromBinary([0x30, 0x82, 0x01, 0x00, 0x02, 0x01], "broken.pfx"));
        WaitForRead(form, "pfx-file", "broken.pfx");
        form.Find("#upload-password").Change("secret");
        await form.InvokeAsync(() => form.Find("[data-testid=upload]").Click());
        form.WaitForAssertion(() => Assert.Contains("This is not a PKCS#12 (PFX) file, or the password is wrong.", Text(form), StringComparison.Ordinal));
        Assert.Null(await Database.Certificates.GetAsync(name));

        Pick(form, "pfx-file", InputFileContent.CreateFromBinary(Convert.FromBase64String(TestCertificates.IssuePfxBase64(["pfx.test"], "secret")), "site.pfx"));
        WaitForRead(form, "pfx-file", "site.pfx");
        await form.InvokeAsync(() => form.Find("[data-testid=upload]").Click());
        await Infrastructure.Eventually.TrueAsync(async () => await Database.Certificates.GetAsync(name) is not null, TimeSpan.FromSeconds(10), "the PFX to be saved");
        Assert.Equal(["pfx.test"], (await Database.Certificates.GetAsync(name))!.Hostnames);
    }

    [Fact]
    public async Task A_file_holding_the_chain_and_its_key_fills_both_fields()
    {
        await SignInAsync();
        var name = UniqueName("combined");
        var (chain, key) = TestCertificates.Issue(["combined.test"]);
        var form = Render<CertificateUploadForm>();
        form.Find("#upload-name").Change(name);

        Pick(form, "pem-file", InputFileContent.CreateFromText(key + "\n" + chain, "haproxy.pem"));
        WaitForRead(form, "pem-file", "haproxy.pem");
        Assert.Contains("BEGIN PRIVATE KEY", form.Find("#upload-key").GetAttribute("value"), StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", form.Find("#upload-pem").GetAttribute("value"), StringComparison.Ordinal);
        await form.InvokeAsync(() => form.Find("[data-testid=upload]").Click());

        await Infrastructure.Eventually.TrueAsync(async () => await Database.Certificates.GetAsync(name) is not null, TimeSpan.FromSeconds(10), () => "the combined file to be saved: " + Text(form));
        Assert.Equal(["combined.test"], (await Database.Certificates.GetAsync(name))!.Hostnames);
    }

    private static void Pick(IRenderedComponent<CertificateUploadForm> form, string picker, InputFileContent file) =>
        form.FindComponents<CertificateFilePicker>().Single(p => p.Instance.TestId == picker).FindComponent<InputFile>().UploadFiles(file);

    // A file is read after it is picked, asynchronously; its name shows once it is.
    private static void WaitForRead(IRenderedComponent<CertificateUploadForm> form, string picker, string fileName) =>
        form.WaitForAssertion(() => Assert.Equal(fileName, form.Find($"[data-testid={picker}] [data-testid=picked-file]").TextContent));

    private static string Text(IRenderedComponent<CertificateUploadForm> form) => form.Find("[data-testid=upload-form]").TextContent;
}
