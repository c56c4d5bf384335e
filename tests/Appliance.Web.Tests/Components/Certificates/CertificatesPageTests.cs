using Appliance.Data.Model;
using Appliance.Engine.Tls.Acme;
using Appliance.Web.Components.Pages.Certificates;
using Appliance.Web.Tests.Tls;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace Appliance.Web.Tests.Components.Certificates;

/// <summary>The certificates page: the routes that use each certificate, linked, and Replace, which opens the upload form for that certificate.</summary>
public sealed class CertificatesPageTests : FormContext, IClassFixture<ConfigDatabase>
{
    public CertificatesPageTests(ConfigDatabase database)
        : base(database)
    {
        Services.AddSingleton(new AcmeOptions());
        Services.AddSingleton(TimeProvider.System);
    }

    [Fact]
    public async Task Used_by_links_each_route_and_Replace_swaps_the_certificate_the_routes_use_refusing_one_that_drops_their_host()
    {
        var (name, route) = (UniqueName("page-cert"), UniqueName("page-route"));
        var old = await UploadAsync(name, ["page.test", "www.page.test"]);
        await AddRouteAsync(route, name, "www.page.test");
        await SignInAsync();
        Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        var page = Render<CertificatesPage>();

        page.WaitForAssertion(() => Assert.Equal($"/routes?edit={route}", page.Find($"[data-used-by='{route}']").GetAttribute("href")));
        await page.InvokeAsync(() => page.Find($"button[aria-label='Replace certificate {name}']").Click());
        page.WaitForAssertion(() => Assert.Equal($"Replace '{name}'", page.Find("[data-testid=replace-title]").TextContent));
        Assert.Contains($"Used by route {route}.", page.Find("[data-testid=upload-form]").TextContent, StringComparison.Ordinal);
        Assert.True(page.Find("#upload-name").HasAttribute("disabled"));
        Assert.Empty(page.FindAll("[data-testid=upload]"));

        // A successor without the route's host is refused with the store's reason; the old one stays.
        var (narrow, narrowKey) = TestCertificates.Issue(["page.test"]);
        await PickAsync(page, "pem-file", narrow, "narrow.pem");
        await PickAsync(page, "key-file", narrowKey, "narrow.key");
        await page.InvokeAsync(() => page.Find("[data-testid=replace]").Click());
        page.WaitForAssertion(() => Assert.Contains($"does not cover www.page.test (route '{route}')", page.Find("[data-testid=upload-form]").TextContent, StringComparison.Ordinal));
        Assert.Equal(old, (await Database.Certificates.GetAsync(name))!.Thumbprint);

        var (chain, key) = TestCertificates.Issue(["page.test", "www.page.test"]);
        await PickAsync(page, "pem-file", chain, "chain.pem");
        await PickAsync(page, "key-file", key, "key.pem");
        await page.InvokeAsync(() => page.Find("[data-testid=replace]").Click());

        snackbars.WaitForAssertion(() => Assert.Contains($"Certificate '{name}' replaced", snackbars.Markup, StringComparison.Ordinal));
        var replaced = (await Database.Certificates.GetAsync(name))!;
        Assert.NotEqual(old, replaced.Thumbprint);
        Assert.Equal(CertificateSource.Uploaded, replaced.Source);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=upload]")));
        Assert.Empty(page.FindAll("[data-testid=replace-title]"));
    }

    [Fact]
    public async Task ACME_certificates_get_no_Replace_and_Cancel_goes_back_to_uploading()
    {
        var (uploaded, acme) = (UniqueName("up-cert"), UniqueName("acme-cert"));
        await UploadAsync(uploaded, ["cancel.test"]);
        Assert.True((await Database.Certificates.RequestAcmeAsync(new AcmeCertificateRequest { Name = acme, Hostnames = ["acme.page.test"] }, "t")).Succeeded);
        await SignInAsync();
        Render<MudDialogProvider>();
        var page = Render<CertificatesPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"button[aria-label='Renew certificate {acme}']")));
        Assert.Empty(page.FindAll($"button[aria-label='Replace certificate {acme}']"));
        Assert.Contains("no route", page.FindAll("[data-testid=used-by]").First().TextContent, StringComparison.Ordinal);
        await page.InvokeAsync(() => page.Find($"button[aria-label='Replace certificate {uploaded}']").Click());
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=cancel-replace]")));
        await page.InvokeAsync(() => page.Find("[data-testid=cancel-replace]").Click());
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=upload]")));
    }

    [Fact]
    public async Task A_viewer_sees_who_uses_a_certificate_but_no_Replace_and_no_form()
    {
        var uploaded = UniqueName("viewed");
        await UploadAsync(uploaded, ["viewed.test"]);
        await SignInAsync("cert-viewer", ApplianceRoles.Viewer);
        var viewed = Render<CertificatesPage>();
        viewed.WaitForAssertion(() => Assert.NotEmpty(viewed.FindAll($"[data-certificate='{uploaded}']")));
        Assert.Empty(viewed.FindAll("button[aria-label^='Replace certificate']"));
        Assert.Empty(viewed.FindAll("[data-testid=upload-form]"));
    }

    private static async Task PickAsync(IRenderedComponent<CertificatesPage> page, string picker, string text, string fileName)
    {
        await page.InvokeAsync(() => page.FindComponents<CertificateFilePicker>().Single(p => p.Instance.TestId == picker)
            .FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(text, fileName)));
        page.WaitForAssertion(() => Assert.Equal(fileName, page.Find($"[data-testid={picker}] [data-testid=picked-file]").TextContent));
    }

    private async Task<string> UploadAsync(string name, string[] hosts)
    {
        var (chain, key) = TestCertificates.Issue(hosts);
        var uploaded = await Database.Certificates.UploadAsync(new CertificateUpload { Name = name, Pem = chain, Key = key }, "t");
        Assert.True(uploaded.Succeeded, uploaded.Detail);
        return uploaded.Value!.Thumbprint!;
    }

    private async Task AddRouteAsync(string name, string tls, string host)
    {
        Assert.True((await Database.Store.Pools.CreateAsync(new PoolSpec { Name = name }, "t")).Succeeded);
        var created = await Database.Store.Routes.CreateAsync(new RouteSpec { Name = name, Hosts = [host], Tls = tls, Targets = [new TargetSpec { Pool = name }] }, "t");
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
    }
}
