using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Appliance.Engine.DataPlane;

/// <summary>A lower bound without an upper one, for sizes and counts that <see cref="RangeAttribute"/> would need a made-up maximum for.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class AtLeastAttribute(long minimum) : ValidationAttribute("The field {0} must be at least {1}.")
{
    public long Minimum { get; } = minimum;

    public override bool IsValid(object? value) => value is null || Convert.ToInt64(value, CultureInfo.InvariantCulture) >= Minimum;

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.InvariantCulture, ErrorMessageString, name, Minimum);
}
