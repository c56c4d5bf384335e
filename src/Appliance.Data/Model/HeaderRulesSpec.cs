namespace Appliance.Data.Model;

/// <summary>
/// Headers a route sets or removes on one side of the exchange: on the request the backend gets
/// (<see cref="RouteSpec.RequestHeaders"/>) or on the response the client gets
/// (<see cref="RouteSpec.ResponseHeaders"/>).
/// </summary>
public sealed record HeaderRulesSpec
{
    /// <summary>
    /// Header names and the value each gets, replacing any value already there. A value may hold the
    /// placeholders of <see cref="HeaderPlaceholders"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Set { get; init; } = new Dictionary<string, string>();

    /// <summary>Header names removed (names ignore case, as HTTP has them).</summary>
    public IReadOnlyList<string> Remove { get; init; } = [];
}
