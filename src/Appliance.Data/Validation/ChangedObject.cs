using Appliance.Data.ConfigKinds;

namespace Appliance.Data.Validation;

/// <summary>The one object a change made or replaced, by its place in the new document; an index of -1 means it was deleted.</summary>
internal sealed record ChangedObject(IConfigKind Kind, int Index);
