using Appliance.Data.Model;

namespace Appliance.Web.Components.Pages.Security;

/// <summary>
/// The access-list form's editable state. It keeps the list it was opened with and saves that list
/// with only the form's fields changed, so a member the form does not show survives a save.
/// </summary>
public sealed class AccessListFormModel
{
    // What the form started from: the stored list, or the API's defaults for a new one.
    private readonly AccessListSpec _stored;

    public AccessListFormModel()
        : this(new AccessListSpec())
    {
    }

    private AccessListFormModel(AccessListSpec stored)
    {
        _stored = stored;
        Name = stored.Name;
        Global = stored.Global;
        DefaultAction = stored.DefaultAction;
        DenyAction = stored.DenyAction;
        Rules = string.Join('\n', stored.Rules.Select(r => $"{r.Action} {r.Cidr}"));
        Users = stored.BasicAuthUsers.Select(BasicAuthUserRow.From).ToList();
    }

    public string Name { get; set; }
    public bool Global { get; set; }
    public string DefaultAction { get; set; }
    public string DenyAction { get; set; }

    /// <summary>One rule a line: <c>Allow 203.0.113.0/24</c>.</summary>
    public string Rules { get; set; }

    public List<BasicAuthUserRow> Users { get; }

    /// <summary>A form for <paramref name="list"/> as stored.</summary>
    public static AccessListFormModel From(AccessListSpec list) => new(list);

    /// <summary>The stored list with the form's fields applied.</summary>
    public AccessListSpec ToSpec() => _stored with
    {
        Name = Name,
        Global = Global,
        DefaultAction = DefaultAction,
        DenyAction = DenyAction,
        Rules = ParseRules(Rules),
        BasicAuthUsers = Users.Select(u => u.ToSpec()).ToArray(),
    };

    // "Allow 203.0.113.0/24" per line; anything unreadable goes to the store as is, which names it.
    private static AccessRuleSpec[] ParseRules(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(parts => new AccessRuleSpec
            {
                Action = parts[0].Length > 0 ? char.ToUpperInvariant(parts[0][0]) + parts[0][1..].ToLowerInvariant() : "",
                Cidr = parts.Length > 1 ? parts[1] : "",
            })
            .ToArray();
}
