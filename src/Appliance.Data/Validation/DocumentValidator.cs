using Appliance.Data.ConfigKinds;
using Appliance.Data.Model;

namespace Appliance.Data.Validation;

/// <summary>
/// Validates a whole configuration document by composing every kind's validators: each object is
/// checked in the context of all the others (a route's pools, a cache rule's route), and names are
/// unique within their kind.
/// </summary>
internal static class DocumentValidator
{
    /// <summary>The context a document gives its objects: the names of every kind in it, the document itself, and the certificates, the appliance's own ports and whether countries may be named, when known.</summary>
    public static ConfigValidationContext ContextFor(ConfigDocument document, IReadOnlySet<string>? certificateNames = null, IReadOnlyDictionary<int, string>? reservedPorts = null, string? countryRulesRefusal = null) =>
        new(Kinds.All.ToDictionary(k => k.SpecType, k => k.NamesIn(document)), certificateNames, document, reservedPorts, countryRulesRefusal);

    /// <summary>
    /// Every place in <paramref name="document"/> that has something wrong. A kind's list that is
    /// missing altogether is the only answer then: every reference into it would fail too.
    /// </summary>
    public static IReadOnlyList<ConfigObjectErrors> Validate(ConfigDocument document, IReadOnlySet<string>? certificateNames = null, IReadOnlyDictionary<int, string>? reservedPorts = null, string? countryRulesRefusal = null)
    {
        var context = ContextFor(document, certificateNames, reservedPorts, countryRulesRefusal);
        var found = Kinds.All.SelectMany(k => k.Validate(document, context)).ToArray();
        var missingLists = found.Where(o => o.Index < 0).ToArray();
        return missingLists.Length > 0 ? missingLists : found;
    }

    /// <summary>The messages about a whole document, with document paths (<c>pools[0].backends[0].address</c>): what an import answers.</summary>
    public static ValidationErrors ValidateDocument(ConfigDocument document, IReadOnlySet<string>? certificateNames = null, IReadOnlyDictionary<int, string>? reservedPorts = null, string? countryRulesRefusal = null)
    {
        var errors = new ValidationErrors();
        foreach (var place in Validate(document, certificateNames, reservedPorts, countryRulesRefusal))
        {
            errors.AddAll(place.Errors, place.Path);
        }

        return errors;
    }

    /// <summary>
    /// The messages about a change of one object, from <paramref name="before"/> to
    /// <paramref name="after"/>. The changed object's own messages keep paths relative to it
    /// (<c>backends[0].address</c>), as the API and the forms show them next to its fields. A message
    /// about any other object counts only when the change brought it, and then carries the document
    /// path: an object stored before a rule was tightened must not block unrelated changes, while a
    /// change that breaks another object is refused.
    /// </summary>
    public static ValidationErrors ValidateChange(
        ConfigDocument before, ConfigDocument after, ChangedObject changed, IReadOnlySet<string>? certificateNames = null, IReadOnlyDictionary<int, string>? reservedPorts = null, string? countryRulesRefusal = null)
    {
        var errors = new ValidationErrors();
        var elsewhere = new List<ConfigObjectErrors>();
        foreach (var place in Validate(after, certificateNames, reservedPorts, countryRulesRefusal))
        {
            if (place.Kind == changed.Kind && place.Index == changed.Index)
            {
                errors.AddAll(place.Errors);
            }
            else
            {
                elsewhere.Add(place);
            }
        }

        if (elsewhere.Count == 0)
        {
            return errors;
        }

        var already = Validate(before, certificateNames, reservedPorts, countryRulesRefusal)
            .SelectMany(place => place.Errors.Entries.Select(e => (place.Kind, place.Name, e.Field, e.Message)))
            .ToHashSet();
        foreach (var place in elsewhere)
        {
            foreach (var (field, message) in place.Errors.Entries.Where(e => !already.Contains((place.Kind, place.Name, e.Field, e.Message))))
            {
                errors.Add(ValidationErrors.Field(place.Path, field), message);
            }
        }

        return errors;
    }
}
