namespace Appliance.Data.History;

/// <summary>One revision as the history lists it: its number, when and by whom it was made, and what it did.</summary>
public sealed record RevisionInfo(long Number, DateTimeOffset Time, string Actor, string Summary);
