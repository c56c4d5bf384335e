using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Security;

/// <summary>
/// The access-list form's editable state: the list it was opened with (or the API's defaults for a
/// new one), changed only in the fields the form shows; see <see cref="FormModel{TSpec}"/>.
/// </summary>
public sealed class AccessListFormModel : FormModel<AccessListSpec>
{
    // The rules as the form first showed them: text left as it was keeps the stored rules as they are.
    private readonly string _shownRules;

    public AccessListFormModel()
        : this(new AccessListSpec())
    {
    }

    /// <summary>A form for <paramref name="list"/> as stored.</summary>
    public AccessListFormModel(AccessListSpec list)
        : base(list)
    {
        _shownRules = string.Join('\n', list.Rules.Select(AccessRuleText.Format));
        Rules = _shownRules;
        Users = list.BasicAuthUsers.Select(user => new BasicAuthUserRow(user)).ToList();
    }

    public string Name { get => Spec.Name; set => Spec = Spec with { Name = value }; }

    public bool Global { get => Spec.Global; set => Spec = Spec with { Global = value }; }

    public string DefaultAction { get => Spec.DefaultAction; set => Spec = Spec with { DefaultAction = value }; }

    public string DenyAction { get => Spec.DenyAction; set => Spec = Spec with { DenyAction = value }; }

    /// <summary>One rule a line: <c>Allow 203.0.113.0/24</c>, or <c>Deny country FR</c> (see <see cref="AccessRuleText"/>).</summary>
    public string? Rules { get; set; }

    public List<BasicAuthUserRow> Users { get; }

    /// <inheritdoc />
    public override AccessListSpec ToSpec() => Spec with
    {
        Rules = Rules == _shownRules ? Spec.Rules : ParseRules(Rules),
        BasicAuthUsers = Users.Select(user => user.ToSpec()).ToArray(),
    };

    // One rule a line; anything unreadable goes to the store as is, which names it.
    private static AccessRuleSpec[] ParseRules(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(AccessRuleText.Parse)
            .ToArray();
}
