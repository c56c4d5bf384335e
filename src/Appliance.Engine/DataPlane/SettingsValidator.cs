using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Appliance.Engine.DataPlane;

/// <summary>
/// Checks a settings object by its data annotations and names every problem by its configuration
/// key, so that the operator knows which line to fix: "The field
/// Appliance:Proxy:Limits:MaxRequestBodySize must be at least 1." Properties marked
/// <see cref="ValidateObjectMembersAttribute"/> are checked under their own key; rules that span
/// fields come from <see cref="IValidatableObject"/>, whose messages finish the sentence "The
/// field &lt;key&gt; …".
/// </summary>
internal sealed class SettingsValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var problems = new List<string>();
        Check(options, section, problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Check(object settings, string section, List<string> problems)
    {
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var key = section + ":" + property.Name;
            var value = property.GetValue(settings);
            var context = new ValidationContext(settings) { MemberName = property.Name, DisplayName = key };
            foreach (var rule in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (rule.GetValidationResult(value, context) is { ErrorMessage: { } message })
                {
                    problems.Add(message);
                }
            }

            if (value is not null && property.IsDefined(typeof(ValidateObjectMembersAttribute)))
            {
                Check(value, key, problems);
            }
        }

        if (settings is IValidatableObject validatable)
        {
            foreach (var result in validatable.Validate(new ValidationContext(settings)))
            {
                var member = result.MemberNames.FirstOrDefault();
                problems.Add(member is null ? $"{section}: {result.ErrorMessage}" : $"The field {section}:{member} {result.ErrorMessage}");
            }
        }
    }
}
