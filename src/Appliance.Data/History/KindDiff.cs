namespace Appliance.Data.History;

/// <summary>
/// The differences in one kind of object (a member of the document, as JSON names it: <c>routes</c>):
/// the names only the newer revision has, the names only the older has, and the objects both have
/// with their changed fields.
/// </summary>
public sealed record KindDiff(string Kind, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, IReadOnlyList<ObjectDiff> Changed);
