using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.Routes;

/// <summary>A route's challenge: a known mode, a difficulty a browser solves in seconds at most, a sane clearance lifetime.</summary>
internal sealed class RouteChallengeValidator : IConfigValidator<RouteSpec>
{
    /// <summary>Six hex digits is about 16 million hashes: seconds in a fast browser, far too long on a phone beyond it.</summary>
    public const int MaxDifficulty = 6;

    /// <summary>A week: a clearance longer than that outlives any flood it was meant for.</summary>
    public const int MaxValidMinutes = 10_080;

    public void Validate(RouteSpec route, ConfigValidationContext context, ValidationErrors errors)
    {
        var challenge = route.Challenge;
        if (challenge is null)
        {
            errors.Add("challenge", "The challenge is required (mode Off turns it off).");
            return;
        }

        if (!ChallengeModes.All.Contains(challenge.Mode, StringComparer.Ordinal))
        {
            errors.Add("challenge.mode", $"The challenge mode must be one of {string.Join(", ", ChallengeModes.All)}.");
        }

        if (challenge.Difficulty is < 1 or > MaxDifficulty)
        {
            errors.Add("challenge.difficulty", $"The difficulty must be between 1 and {MaxDifficulty} leading zero hex digits.");
        }

        if (challenge.ValidMinutes is < 1 or > MaxValidMinutes)
        {
            errors.Add("challenge.validMinutes", $"A clearance must last between 1 minute and a week ({MaxValidMinutes} minutes).");
        }
    }
}
