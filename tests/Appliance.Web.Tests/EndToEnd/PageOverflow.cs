using System.Text.Json.Serialization;
using Microsoft.Playwright;

namespace Appliance.Web.Tests.EndToEnd;

/// <summary>
/// Whether a page scrolls sideways, measured as the browser lays it out: the document's and the
/// body's scroll width against the window's width, and every table shown as cards against its
/// container. When the page does, the elements that stick out past the right edge (outside any
/// container that scrolls or clips them) are named, so a failure says what to fix rather than only
/// that something is too wide.
/// </summary>
public sealed record PageOverflow
{
    // Quiet means no DOM change for a moment: a page's data arrives after its circuit is live, and
    // live pages change every few seconds, which leaves quiet moments between ticks.
    public const string RecordMutationsScript = """
        window.__applianceLastMutation = performance.now();
        new MutationObserver(() => window.__applianceLastMutation = performance.now())
            .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        """;

    private const string QuietScript = "() => performance.now() - (window.__applianceLastMutation ?? 0) > 400";

    private const string MeasureScript = """
        () => {
            const width = window.innerWidth;
            const scrolls = el => {
                for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
                    const overflowX = getComputedStyle(p).overflowX;
                    if (overflowX !== 'visible') return true;
                }
                return false;
            };
            const name = el => el.tagName.toLowerCase()
                + (el.id ? '#' + el.id : '')
                + (el.getAttribute('data-testid') ? '[data-testid=' + el.getAttribute('data-testid') + ']' : '')
                + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).slice(0, 4).join('.') : '');
            const culprits = [];
            for (const el of document.body.querySelectorAll('*')) {
                const box = el.getBoundingClientRect();
                if (box.width > 0 && box.right > width + 1 && !scrolls(el)) {
                    culprits.push(name(el) + ' right=' + Math.round(box.right) + ' text="' + (el.textContent ?? '').trim().slice(0, 60) + '"');
                }
            }
            // A table shown as cards (MudTable on a phone) has no columns to scroll to: a card wider
            // than its container hides the ends of its values.
            const cards = [...document.querySelectorAll('.mud-xs-table .mud-table-container')]
                .filter(c => c.scrollWidth > c.clientWidth + 1)
                .map(c => 'cards ' + c.scrollWidth + 'px wide in ' + c.clientWidth + 'px: "' + (c.textContent ?? '').trim().slice(0, 60) + '"');
            return {
                windowWidth: width,
                cards: cards,
                documentWidth: document.documentElement.scrollWidth,
                bodyWidth: document.body.scrollWidth,
                culprits: culprits.slice(0, 8),
            };
        }
        """;

    [JsonPropertyName("windowWidth")]
    public int WindowWidth { get; init; }

    [JsonPropertyName("documentWidth")]
    public int DocumentWidth { get; init; }

    [JsonPropertyName("bodyWidth")]
    public int BodyWidth { get; init; }

    [JsonPropertyName("culprits")]
    public string[] Culprits { get; init; } = [];

    [JsonPropertyName("cards")]
    public string[] Cards { get; init; } = [];

    /// <summary>The page scrolls sideways, or a table of cards is wider than its place.</summary>
    public bool Overflows => DocumentWidth > WindowWidth || BodyWidth > WindowWidth || Cards.Length > 0;

    /// <summary>Waits for the page to be quiet, then measures it.</summary>
    public static async Task<PageOverflow> MeasureAsync(IPage page)
    {
        await page.WaitForFunctionAsync(QuietScript, null, new PageWaitForFunctionOptions { PollingInterval = 100, Timeout = 15_000 });
        return await page.EvaluateAsync<PageOverflow>(MeasureScript);
    }

    public override string ToString() =>
        $"window {WindowWidth}px, document {DocumentWidth}px, body {BodyWidth}px; sticking out: {string.Join("; ", Culprits)}; {string.Join("; ", Cards)}";
}
