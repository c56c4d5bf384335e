using Appliance.Data.Model;
using Appliance.Data.Networking;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.ChallengeSettings;

/// <summary>The addresses that skip the challenge parse as the access lists' do.</summary>
internal sealed class ChallengeAllowValidator : IConfigValidator<ChallengeSettingsSpec>
{
    public const int MaxAllowed = 256;

    public void Validate(ChallengeSettingsSpec settings, ConfigValidationContext context, ValidationErrors errors)
    {
        if (settings.Allow.Count > MaxAllowed)
        {
            errors.Add("allow", $"At most {MaxAllowed} allowed ranges; put larger lists in a global access list.");
        }

        for (var i = 0; i < settings.Allow.Count; i++)
        {
            if (!NetworkRanges.TryParse(settings.Allow[i], out _))
            {
                errors.Add($"allow[{i}]", $"'{settings.Allow[i]}' is neither an address nor a CIDR range such as 203.0.113.0/24 or 2001:db8::/32.");
            }
        }
    }
}
