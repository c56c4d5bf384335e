namespace Appliance.Data.Model;

/// <summary>
/// One condition a request must meet for a route to take it: a header, query parameter or cookie
/// named <see cref="Name"/> compared with <see cref="Values"/> as <see cref="Mode"/> says.
/// </summary>
public sealed record MatchConditionSpec
{
    /// <summary>The header, query parameter or cookie name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Any one of these satisfies the condition; ignored by <c>Exists</c> and <c>NotExists</c>.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>One of <see cref="MatchModes"/>.</summary>
    public string Mode { get; init; } = MatchModes.Exact;
}
