using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Appliance.Web.Tests.Infrastructure;
using Appliance.Web.Tests.Tls;
using Microsoft.Playwright;

namespace Appliance.Web.Tests.EndToEnd;

/// <summary>
/// Certificates in a real browser: upload a chain and its key through the file pickers, see the
/// route that uses it, replace it the same way, and find the new one served by the data plane's
/// next handshake; the Used by link opens the route.
/// </summary>
public sealed class CertificatesEndToEndTests(OperatorHost host) : IClassFixture<OperatorHost>, IAsyncLifetime
{
    private TestBackend _backend = null!;

    public async Task InitializeAsync() => _backend = await TestBackend.StartAsync("e2e-tls");

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Fact]
    public async Task Upload_through_the_file_pickers_then_replace_the_certificate_a_route_uses()
    {
        await using var browser = await BrowserSession.StartAsync(host.Api.BaseAddress!);
        try
        {
            await WalkThroughAsync(browser);
        }
        catch
        {
            await browser.ScreenshotAsync("certificates-failure");
            await File.WriteAllLinesAsync(Path.Combine(BrowserSession.ScreenshotDirectory, "certificates-failure-console.txt"), browser.ConsoleMessages);
            await File.WriteAllTextAsync(Path.Combine(BrowserSession.ScreenshotDirectory, "certificates-failure.html"), await browser.Page.ContentAsync());
            throw;
        }
    }

    private async Task WalkThroughAsync(BrowserSession browser)
    {
        var page = browser.Page;
        await OperatorHost.SignInAsync(page);

        // Upload: the chain and the key as files, as an operator picks them from disk.
        await browser.OpenAsync("/certificates");
        var form = page.GetByTestId("upload-form");
        var (chain, key) = TestCertificates.Issue(["shop.e2e.test", "www.shop.e2e.test"]);
        await page.FillAsync("#upload-name", "shop-cert");
        await PickAsync(page, "pem-file", "fullchain.pem", chain);
        await PickAsync(page, "key-file", "privkey.pem", key);
        await Assertions.Expect(page.Locator("#upload-pem")).ToHaveValueAsync(new Regex("BEGIN CERTIFICATE"));
        await form.GetByTestId("upload").ClickAsync();
        await Assertions.Expect(page.Locator("[data-certificate='shop-cert']")).ToBeVisibleAsync();
        var uploaded = await ThumbprintAsync();

        // A route that names it: the table says so, and HTTPS for its host serves it.
        await host.AddPoolAsync(new { name = "shop", backends = new[] { new { address = _backend.Address } } });
        await host.AddRouteAsync(new { name = "shop", hosts = new[] { "shop.e2e.test" }, tls = "shop-cert", targets = new[] { new { pool = "shop", weight = 1 } } });
        await host.WaitForLiveConfigAsync();
        Assert.Equal(uploaded, await ServedAsync());
        await browser.OpenAsync("/certificates");
        await Assertions.Expect(page.Locator("[data-used-by='shop']")).ToHaveAttributeAsync("href", "/routes?edit=shop");

        // A key that is not the certificate's is refused with the store's words; nothing changes.
        var (successor, successorKey) = TestCertificates.Issue(["shop.e2e.test", "www.shop.e2e.test"]);
        await browser.ClickUntilVisibleAsync(page.GetByRole(AriaRole.Button, new() { Name = "Replace certificate shop-cert" }), page.GetByTestId("replace-title"));
        await Assertions.Expect(page.GetByTestId("replace-title")).ToHaveTextAsync("Replace 'shop-cert'");
        await Assertions.Expect(form).ToContainTextAsync("Used by route shop.");
        await PickAsync(page, "pem-file", "renewed.pem", successor);
        await PickAsync(page, "key-file", "old.key", key);
        await form.GetByTestId("replace").ClickAsync();
        await Assertions.Expect(form).ToContainTextAsync("The private key does not belong to the certificate");
        Assert.Equal(uploaded, await ThumbprintAsync());

        await PickAsync(page, "key-file", "renewed.key", successorKey);
        await browser.ScreenshotAsync("certificate-replace", form);
        await form.GetByTestId("replace").ClickAsync();
        await Assertions.Expect(page.GetByText("Certificate 'shop-cert' replaced")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("replace-title")).ToBeHiddenAsync();

        // Same name, same route, new certificate: served from the next handshake once the revision is live.
        var replaced = await ThumbprintAsync();
        Assert.NotEqual(uploaded, replaced);
        await host.WaitForLiveConfigAsync();
        Assert.Equal(replaced, await ServedAsync());
        using var https = TlsClient.CreateHttpsClient(host.HttpsAddress);
        Assert.Equal("e2e-tls", await https.GetStringAsync("https://shop.e2e.test/"));
        await browser.ScreenshotAsync("certificates");

        // The Used by link opens the route's form.
        await page.Locator("[data-used-by='shop']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/routes\\?edit=shop$"));
        await Assertions.Expect(page.Locator("#route-name")).ToHaveValueAsync("shop");
    }

    // As an operator does it: the picker's button opens the browser's file dialog, which Playwright answers.
    private static async Task PickAsync(IPage page, string picker, string fileName, string content)
    {
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Locator($"[data-testid={picker}] button").ClickAsync());
        await chooser.SetFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = "application/x-pem-file",
            Buffer = System.Text.Encoding.ASCII.GetBytes(content),
        });
        await Assertions.Expect(page.Locator($"[data-testid={picker}] [data-testid=picked-file]")).ToHaveTextAsync(fileName);
    }

    private async Task<string> ThumbprintAsync() =>
        (await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/certificates/shop-cert")).GetProperty("thumbprint").GetString()!;

    private async Task<string> ServedAsync()
    {
        using var served = await TlsClient.ServedCertificateAsync(host.HttpsAddress, "shop.e2e.test");
        return served.Thumbprint;
    }
}
