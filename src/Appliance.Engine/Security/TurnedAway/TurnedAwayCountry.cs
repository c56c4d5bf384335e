namespace Appliance.Engine.Security.TurnedAway;

/// <summary>A country and the refusals of the tracked addresses in it.</summary>
public sealed record TurnedAwayCountry(string Country, long Count);
