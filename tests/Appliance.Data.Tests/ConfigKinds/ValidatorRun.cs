using Appliance.Data.Validation;

namespace Appliance.Data.Tests.ConfigKinds;

/// <summary>Runs one validator on one object and answers its messages by field.</summary>
internal static class ValidatorRun
{
    public static IDictionary<string, string[]> Errors<TSpec>(IConfigValidator<TSpec> validator, TSpec spec, ConfigValidationContext? context = null)
    {
        var errors = new ValidationErrors();
        validator.Validate(spec, context ?? ConfigValidationContext.Alone, errors);
        return errors.ToDictionary();
    }
}
