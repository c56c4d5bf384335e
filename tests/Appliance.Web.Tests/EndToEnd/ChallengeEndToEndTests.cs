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

            // The page works, posts its answer and is sent back. Waited for by the backend's content
            // rather than by a URL predicate that also read the response events: the page's first
            // URL is the same, and a 200 counted after the last navigation left nothing to wake the
            // predicate again. The work itself is random and slow on a loaded runner: a minute.
            await Assertions.Expect(browser.Page.Locator("body")).ToHaveTextAsync("e2e-challenge", new() { Timeout = 60_000 });
            Assert.EndsWith("/guarded/hello?from=chromium", browser.Page.Url, StringComparison.Ordinal);

            Assert.Equal(403, statuses.First().Status);
            await Eventually.TrueAsync(
                () => statuses.Any(s => s.Url.EndsWith(ChallengePaths.Answer, StringComparison.Ordinal) && s.Status == 303) && statuses.Any(s => s.Status == 200),
                TimeSpan.FromSeconds(10),
                "the answer's 303 and the backend's 200 among the responses Chromium reported");
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
