using System.Collections.Frozen;

namespace Appliance.Engine.CustomErrorPages;

/// <summary>
/// The custom error pages part of a route's plan: for each status the route's own page, else the
/// global one; statuses with neither keep the appliance's default page. The plan of requests no
/// route takes holds the global pages alone.
/// </summary>
internal sealed class ErrorPageSet(FrozenDictionary<int, ErrorPageTemplate> pages)
{
    public static ErrorPageSet Empty { get; } = new(FrozenDictionary<int, ErrorPageTemplate>.Empty);

    /// <summary>The page that answers <paramref name="status"/>, or null for the default.</summary>
    public ErrorPageTemplate? For(int status) => pages.Count == 0 ? null : pages.GetValueOrDefault(status);
}
