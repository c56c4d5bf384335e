using System.Text.Json.Nodes;

namespace Appliance.Data.History;

/// <summary>
/// One changed field of an object, by its path inside the object (<c>targets[0].weight</c>); a field
/// only one side has has null on the other. Withheld values (password hashes) are opaque tags.
/// </summary>
public sealed record FieldDiff(string Field, JsonNode? Before, JsonNode? After);
