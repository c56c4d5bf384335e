using System.Text.Json.Nodes;

namespace Appliance.Data.History;

/// <summary>
/// Compares two documents as JSON, without knowing which kinds a document has: every member that is a
/// list of objects with a <c>name</c> is a kind, compared object by object; any other member counts as
/// one object named after the member. Inside an object, members are compared by name and lists by
/// position, down to the values that differ.
/// </summary>
internal static class ConfigDiffer
{
    private const string NameMember = "name";

    public static IReadOnlyList<KindDiff> Compare(JsonObject before, JsonObject after)
    {
        var kinds = new List<KindDiff>();
        foreach (var member in MemberNames(before, after))
        {
            var old = before[member];
            var @new = after[member];
            if (JsonNode.DeepEquals(old, @new))
            {
                continue;
            }

            if (NamedObjects(old) is { } oldObjects && NamedObjects(@new) is { } newObjects)
            {
                kinds.Add(CompareKind(member, oldObjects, newObjects));
            }
            else
            {
                kinds.Add(new KindDiff(member, [], [], [new ObjectDiff(member, Fields("", old, @new))]));
            }
        }

        return kinds;
    }

    private static KindDiff CompareKind(string kind, IReadOnlyDictionary<string, JsonObject> before, IReadOnlyDictionary<string, JsonObject> after)
    {
        var added = after.Keys.Where(name => !before.ContainsKey(name)).Order(StringComparer.Ordinal).ToArray();
        var removed = before.Keys.Where(name => !after.ContainsKey(name)).Order(StringComparer.Ordinal).ToArray();
        var changed = new List<ObjectDiff>();
        foreach (var (name, old) in before.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            if (after.TryGetValue(name, out var @new) && !JsonNode.DeepEquals(old, @new))
            {
                changed.Add(new ObjectDiff(name, Fields("", old, @new)));
            }
        }

        return new KindDiff(kind, added, removed, changed);
    }

    // A list whose every element is an object with a distinct string name; null for anything else
    // (an absent member counts as an empty list, so a kind that appears compares as all added).
    private static Dictionary<string, JsonObject>? NamedObjects(JsonNode? node)
    {
        if (node is null)
        {
            return new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        }

        if (node is not JsonArray array)
        {
            return null;
        }

        var objects = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var element in array)
        {
            if (element is not JsonObject item || item[NameMember] is not JsonValue value
                || !value.TryGetValue<string>(out var name) || !objects.TryAdd(name, item))
            {
                return null;
            }
        }

        return objects;
    }

    private static List<FieldDiff> Fields(string path, JsonNode? before, JsonNode? after)
    {
        var fields = new List<FieldDiff>();
        AddFields(path, before, after, fields);
        return fields;
    }

    private static void AddFields(string path, JsonNode? before, JsonNode? after, List<FieldDiff> fields)
    {
        if (JsonNode.DeepEquals(before, after))
        {
            return;
        }

        switch (before, after)
        {
            case (JsonObject old, JsonObject @new):
                foreach (var member in MemberNames(old, @new))
                {
                    AddFields(Join(path, member), old[member], @new[member], fields);
                }

                break;
            case (JsonArray old, JsonArray @new):
                for (var i = 0; i < Math.Max(old.Count, @new.Count); i++)
                {
                    AddFields($"{path}[{i}]", i < old.Count ? old[i] : null, i < @new.Count ? @new[i] : null, fields);
                }

                break;
            default:
                fields.Add(new FieldDiff(path, before?.DeepClone(), after?.DeepClone()));
                break;
        }
    }

    // The newer side's order first (the document's own), then what only the older side has.
    private static IEnumerable<string> MemberNames(JsonObject before, JsonObject after) =>
        after.Select(m => m.Key).Concat(before.Select(m => m.Key)).Distinct(StringComparer.Ordinal);

    private static string Join(string path, string member) => path.Length == 0 ? member : $"{path}.{member}";
}
