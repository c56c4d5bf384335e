using Appliance.Data.ConfigKinds;

namespace Appliance.Data.Validation;

/// <summary>
/// The messages about one place in a configuration document: the object at <paramref name="Index"/>
/// of a kind's list, or the list itself when the index is -1. Fields are relative to that place.
/// </summary>
internal sealed record ConfigObjectErrors(IConfigKind Kind, int Index, string? Name, ValidationErrors Errors)
{
    /// <summary>Where the place is in the document: <c>pools</c>, <c>pools[2]</c>, or <c>challenge</c> for a settings object.</summary>
    public string Path => Kind.PathOf(Index);
}
