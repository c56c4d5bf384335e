namespace Appliance.Data.Validation;

/// <summary>Field messages keyed by the field's JSON path (<c>backends[0].address</c>), as RFC 9457 <c>errors</c> carry them.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>True when no message was added.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Every message with its field, in the order they were added per field.</summary>
    internal IEnumerable<(string Field, string Message)> Entries =>
        _errors.SelectMany(e => e.Value.Select(message => (e.Key, message)));

    /// <summary>Adds a message for a field.</summary>
    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = [];
            _errors.Add(field, messages);
        }

        messages.Add(message);
    }

    /// <summary>Adds every message of <paramref name="other"/>, its fields put under <paramref name="prefix"/>.</summary>
    public void AddAll(ValidationErrors other, string prefix = "")
    {
        foreach (var (field, message) in other.Entries)
        {
            Add(Field(prefix, field), message);
        }
    }

    /// <summary>The messages, as the problem details' <c>errors</c> member wants them.</summary>
    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// Joins a field path: <c>Field("pools[1]", "name")</c> is <c>pools[1].name</c>; an empty name is
    /// the prefix itself (a message about a whole object), an empty prefix the name itself.
    /// </summary>
    public static string Field(string prefix, string name) =>
        prefix.Length == 0 ? name
        : name.Length == 0 ? prefix
        : $"{prefix}.{name}";
}
