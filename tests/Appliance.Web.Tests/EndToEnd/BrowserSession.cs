using Microsoft.Playwright;

namespace Appliance.Web.Tests.EndToEnd;

/// <summary>
/// Debian's Chromium driven by Playwright (the test script installs it; Playwright downloads no
/// browser), one page at a time, with screenshots kept as test artefacts.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>Where Debian puts Chromium; <c>APPLIANCE_CHROMIUM</c> overrides it.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("APPLIANCE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Screenshots go here: <c>APPLIANCE_SCREENSHOT_DIR</c> (the README's images are refreshed that way) or the test output.</summary>
    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("APPLIANCE_SCREENSHOT_DIR") is { Length: > 0 } directory
            ? directory
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _console = new();

    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>What the page wrote to its console, for the failure report.</summary>
    public IReadOnlyCollection<string> ConsoleMessages => _console;

    /// <summary>
    /// Starts Chromium with one page on the admin site: a desktop window unless <paramref name="viewport"/>
    /// says otherwise (a phone's 390×844, say), with a system that prefers <paramref name="colorScheme"/>.
    /// </summary>
    public static async Task<BrowserSession> StartAsync(Uri baseAddress, ViewportSize? viewport = null, ColorScheme colorScheme = ColorScheme.Light)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Chromium is not at {ExecutablePath}: run ./test.sh, which installs Debian's chromium package.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1440, Height = 960 },
            ColorScheme = colorScheme,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        var session = new BrowserSession(playwright, browser, page);
        page.Console += (_, message) => session._console.Enqueue($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => session._console.Enqueue($"page error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                session._console.Enqueue($"{response.Status} {response.Url}");
            }
        };
        return session;
    }

    public async Task ScreenshotAsync(string name, ILocator? element = null)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        if (element is null)
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        }
        else
        {
            await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        }
    }

    /// <summary>Opens an admin page and waits until its circuit is live, so that clicks and typing reach the server.</summary>
    public async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path);
        await Page.Locator("[data-circuit='live']").WaitForAsync();
    }

    /// <summary>
    /// Clicks until <paramref name="expected"/> shows: a prerendered page's buttons do nothing until
    /// its circuit is connected, and there is no event for that moment.
    /// </summary>
    public async Task ClickUntilVisibleAsync(ILocator button, ILocator expected, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            await button.ClickAsync();
            try
            {
                await expected.WaitForAsync(new LocatorWaitForOptions { Timeout = 1_000 });
                return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
