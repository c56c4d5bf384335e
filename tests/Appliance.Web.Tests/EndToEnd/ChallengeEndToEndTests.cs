using Appliance.Engine.Challenge;
using Appliance.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Appliance.Web.Tests.EndToEnd;

/// <summary>
/// Chromium opens a challenged route on the data plane over plain HTTP (no WebCrypto there), runs
/// the page's own script, and lands on the backend's content with an HttpOnly clearance cookie,
/// with nothing but the page seen before.
/// </summary>
public sealed class ChallengeEndToEndTests(ChallengeEndToEndTests.ChallengedHost host) : IClassFixture<ChallengeEndToEndTests.ChallengedHost>
{
    [Fact]
    public async Task Chromium_passes_the_page_by_itself_and_reaches_the_backend()
    {
        await using var browser = await BrowserSession.StartAsync(host.ProxyAddress);
        var statuses = new System.Collections.Concurrent.ConcurrentQueue<(string Url, int Status)>();
        browser.Page.Response += (_, response) => statuses.Enqueue((response.Url, response.Status));
        try
        {
            await browser.Page.GotoAsync("/guarded/hello?from=chromium");
            await browser.Page.WaitForURLAsync(url => url.EndsWith("/guarded/hello?from=chromium", StringComparison.Ordinal) && statuses.Any(s => s.Status == 200));
            await Assertions.Expect(browser.Page.Locator("body")).ToHaveTextAsync("e2e-challenge");

            Assert.Equal(403, statuses.First().Status);
            Assert.Contains(statuses, s => s.Url.EndsWith(ChallengePaths.Answer, StringComparison.Ordinal) && s.Status == 303);
            var cookie = Assert.Single(await browser.Page.Context.CookiesAsync(), c => c.Name == ChallengePaths.ClearanceCookie);
            Assert.True(cookie.HttpOnly);
            Assert.Equal(1, host.Backend.Requests);
        }
        catch
        {
            await browser.ScreenshotAsync("challenge-failure");
            await File.WriteAllLinesAsync(Path.Combine(BrowserSession.ScreenshotDirectory, "challenge-failure-console.txt"), browser.ConsoleMessages);
            throw;
        }
    }

    /// <summary>One route with the challenge always on, at the default difficulty.</summary>
    public sealed class ChallengedHost : ApplianceHost
    {
        public TestBackend Backend { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Backend = await TestBackend.StartAsync("e2e-challenge");
            await AddPoolAsync(new { name = "backend", backends = new[] { new { address = Backend.Address } } });
            await AddRouteAsync(new
            {
                name = "guarded",
                path = "/guarded",
                targets = new[] { new { pool = "backend", weight = 1 } },
                challenge = new { mode = "Always", difficulty = 4, validMinutes = 60 },
            });
            await WaitForLiveConfigAsync();
        }

        public override async Task DisposeAsync()
        {
            await Backend.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
