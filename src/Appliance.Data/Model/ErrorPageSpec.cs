namespace Appliance.Data.Model;

/// <summary>
/// The appliance's own page for one status, in place of its default: for one route, or for every
/// route (and for requests no route takes) when <see cref="Route"/> is null. A route's page wins
/// over the global one.
/// </summary>
public sealed record ErrorPageSpec
{
    /// <summary>Slug that names the page.</summary>
    public string Name { get; init; } = "";

    /// <summary>One of <see cref="Statuses"/>.</summary>
    public int Status { get; init; } = 503;

    /// <summary>The route whose page it is; null for every route.</summary>
    public string? Route { get; init; }

    /// <summary>
    /// The page's HTML, at most <see cref="MaxHtmlBytes"/> bytes of UTF-8, with the placeholders
    /// <c>{status}</c>, <c>{reason}</c> and <c>{request_id}</c> (filled HTML-escaped).
    /// </summary>
    public string Html { get; init; } = "";

    /// <summary>The statuses the appliance answers with itself and lets an operator dress.</summary>
    public static IReadOnlyList<int> Statuses { get; } = [403, 404, 429, 502, 503, 504];

    /// <summary>The largest page stored: it is held in memory once per route that uses it.</summary>
    public const int MaxHtmlBytes = 64 * 1024;

    /// <summary>The placeholders a page may hold.</summary>
    public static IReadOnlyList<string> Placeholders { get; } = ["{status}", "{reason}", "{request_id}"];
}
