namespace Appliance.Data.Model;

/// <summary>A route that answers with a redirect itself instead of forwarding to targets.</summary>
public sealed record RedirectSpec
{
    /// <summary>
    /// An absolute http(s) URL or a path, with the placeholders <c>{scheme}</c>, <c>{host}</c>,
    /// <c>{path}</c> (the rest of the canonical path after the route's prefix) and <c>{query}</c>.
    /// </summary>
    public string Location { get; init; } = "";

    /// <summary>301, 302, 307 or 308.</summary>
    public int Status { get; init; } = 302;

    /// <summary>Appends the request's query string to the location (unless it names <c>{query}</c>).</summary>
    public bool KeepQuery { get; init; } = true;

    /// <summary>The statuses a redirect may answer with.</summary>
    public static IReadOnlyList<int> Statuses { get; } = [301, 302, 307, 308];
}
