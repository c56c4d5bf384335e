namespace Appliance.Engine.Security.TurnedAway;

/// <summary>One second of the last minute: how long ago it began, its total, and its non-zero counts by reason.</summary>
public sealed record TurnedAwaySecond(int SecondsAgo, long Total, IReadOnlyDictionary<string, long> ByReason);
