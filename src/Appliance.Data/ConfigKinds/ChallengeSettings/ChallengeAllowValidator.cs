using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.ChallengeSettings;

/// <summary>The addresses that skip the challenge parse as the access lists' do.</summary>
internal sealed class ChallengeAllowValidator : IConfigValidator<ChallengeSettingsSpec>
{
    public const int MaxAllowed = 256;

    public void Validate(ChallengeSettingsSpec settings, ConfigValidationContext context, ValidationErrors errors) =>
        AllowedRanges.Validate(settings.Allow, "allow", MaxAllowed, errors);
}
