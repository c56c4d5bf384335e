using Appliance.Data.Model;

namespace Appliance.Data.Validation;

/// <summary>The one rule for the names of configuration objects: a slug, because names appear in URLs, metrics and other objects' references.</summary>
internal static class NameRule
{
    public static void Check(string name, ValidationErrors errors, string field = "name")
    {
        if (string.IsNullOrEmpty(name))
        {
            errors.Add(field, "A name is required.");
        }
        else if (!Slug.IsValid(name))
        {
            errors.Add(field, "Use 1 to 63 lower-case letters, digits and dashes, starting with a letter or digit.");
        }
    }
}
