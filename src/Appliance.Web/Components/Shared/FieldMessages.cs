namespace Appliance.Web.Components.Shared;

/// <summary>
/// The store's field messages (keyed like the API's problem details: <c>backends[0].address</c>)
/// in the shape MudBlazor fields take them: an error flag and one line of text.
/// </summary>
public sealed class FieldMessages(IDictionary<string, string[]> messages)
{
    /// <summary>No messages: a form that has not been submitted yet.</summary>
    public static FieldMessages None { get; } = new(new Dictionary<string, string[]>());

    /// <summary>True when the field has at least one message.</summary>
    public bool Has(string field) => messages.ContainsKey(field);

    /// <summary>The field's messages as one line, or null.</summary>
    public string? For(string field) => messages.TryGetValue(field, out var lines) ? string.Join(" ", lines) : null;

    /// <summary>The messages of a list field and of its items (<c>hosts</c>, <c>hosts[2]</c>) as one line, or null.</summary>
    public string? ForListAndItems(string field)
    {
        var lines = messages
            .Where(m => m.Key == field || m.Key.StartsWith(field + "[", StringComparison.Ordinal))
            .SelectMany(m => m.Value)
            .ToArray();
        return lines.Length == 0 ? null : string.Join(" ", lines);
    }

    /// <summary>The messages of every field whose key starts with <paramref name="prefix"/> as one line, or null.</summary>
    public string? ForKeysStartingWith(string prefix)
    {
        var lines = messages.Where(m => m.Key.StartsWith(prefix, StringComparison.Ordinal)).SelectMany(m => m.Value).ToArray();
        return lines.Length == 0 ? null : string.Join(" ", lines);
    }

    /// <summary>True when there is any message at all.</summary>
    public bool Any => messages.Count > 0;

    /// <summary>Every message with its field, for a form that lists them rather than placing them (a whole document's import).</summary>
    public IEnumerable<(string Field, string Message)> Entries =>
        messages.SelectMany(m => m.Value.Select(message => (m.Key, message)));
}
