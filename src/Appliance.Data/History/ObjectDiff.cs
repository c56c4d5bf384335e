namespace Appliance.Data.History;

/// <summary>An object present in both revisions whose fields differ.</summary>
public sealed record ObjectDiff(string Name, IReadOnlyList<FieldDiff> Fields);
