namespace Appliance.Engine.Security.TurnedAway;

/// <summary>An address turned away often: as bans name it, its country (null without a database), how many times, and why.</summary>
public sealed record TurnedAwayOffender(string Address, string? Country, long Count, IReadOnlyList<string> Reasons);
