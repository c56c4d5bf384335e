namespace Appliance.Data.Model;

/// <summary>
/// A crawler that may skip the challenge: a request whose User-Agent contains
/// <see cref="UserAgent"/> passes when its address's reverse DNS name is in one of
/// <see cref="Domains"/> and that name resolves forward to the same address, as the search engines
/// themselves tell site owners to check (a User-Agent alone is anybody's to claim).
/// </summary>
public sealed record VerifiedCrawlerSpec
{
    /// <summary>What the operator calls it: <c>Googlebot</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>Text the crawler's User-Agent contains, compared without regard to case.</summary>
    public string UserAgent { get; init; } = "";

    /// <summary>DNS domains its reverse names end in: <c>googlebot.com</c> takes <c>crawl-66-249-66-1.googlebot.com</c>.</summary>
    public IReadOnlyList<string> Domains { get; init; } = [];

    /// <summary>The search engines whose documentation gives reverse-then-forward DNS as the way to verify them.</summary>
    public static IReadOnlyList<VerifiedCrawlerSpec> WellKnown { get; } =
    [
        new() { Name = "Googlebot", UserAgent = "Googlebot", Domains = ["googlebot.com", "google.com", "googleusercontent.com"] },
        new() { Name = "Bingbot", UserAgent = "bingbot", Domains = ["search.msn.com"] },
        new() { Name = "Applebot", UserAgent = "Applebot", Domains = ["applebot.apple.com"] },
        new() { Name = "YandexBot", UserAgent = "YandexBot", Domains = ["yandex.ru", "yandex.net", "yandex.com"] },
        new() { Name = "Baiduspider", UserAgent = "Baiduspider", Domains = ["baidu.com", "baidu.jp"] },
    ];
}
