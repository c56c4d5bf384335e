using Appliance.Data.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.HeaderRules;

/// <summary>One side's header rules, compiled: names to remove, and names to set with their value templates.</summary>
internal sealed class HeaderRuleSet
{
    private readonly string[] _remove;
    private readonly (string Name, HeaderValueTemplate Value)[] _set;

    private HeaderRuleSet(string[] remove, (string Name, HeaderValueTemplate Value)[] set)
    {
        _remove = remove;
        _set = set;
        IsEmpty = remove.Length == 0 && set.Length == 0;
        UsesPlaceholders = set.Any(s => s.Value.HasPlaceholders);
    }

    public static HeaderRuleSet None { get; } = new([], []);

    /// <summary>Nothing to do: most routes, passed on at no cost.</summary>
    public bool IsEmpty { get; }

    /// <summary>Whether applying the rules needs the request's placeholder values.</summary>
    public bool UsesPlaceholders { get; }

    public static HeaderRuleSet From(HeaderRulesSpec spec) =>
        spec.Set.Count == 0 && spec.Remove.Count == 0
            ? None
            : new([.. spec.Remove], spec.Set.Select(s => (s.Key, HeaderValueTemplate.Parse(s.Value))).ToArray());

    /// <summary>Removes and sets on a response's headers; a set replaces whatever value the name had.</summary>
    public void ApplyTo(IHeaderDictionary headers, in HeaderPlaceholderValues values)
    {
        foreach (var name in _remove)
        {
            headers.Remove(name);
        }

        foreach (var (name, value) in _set)
        {
            headers[name] = value.Render(values);
        }
    }

    /// <summary>
    /// Removes and sets on a request for a backend: a content header (Content-Type, …) lives on the
    /// message's content, every other one on the message, and Host is the message's Host.
    /// </summary>
    public void ApplyTo(HttpRequestMessage request, in HeaderPlaceholderValues values)
    {
        foreach (var name in _remove)
        {
            Remove(request, name);
        }

        foreach (var (name, template) in _set)
        {
            var value = template.Render(values);
            if (name.Equals(HeaderNames.Host, StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = value;
                continue;
            }

            Remove(request, name);
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }
    }

    // HttpHeaders.Remove throws for a name of the other kind (Content-Type on the message,
    // Authorization on the content); the non-validating view answers for either without throwing.
    private static void Remove(HttpRequestMessage request, string name)
    {
        if (request.Headers.NonValidated.Contains(name))
        {
            request.Headers.Remove(name);
        }

        if (request.Content?.Headers is { } content && content.NonValidated.Contains(name))
        {
            content.Remove(name);
        }
    }
}
