using Appliance.Data.Model;
using Appliance.Engine.Configuration;

namespace Appliance.Engine.Challenge;

/// <summary>
/// Compiles each route's challenge against the installation-wide settings: a route in mode
/// UnderAttack asks only while the switch is on, so flipping it is a new revision like any other
/// change, and every route of one snapshot sees the same switch. Routes that do not ask share one part.
/// </summary>
internal sealed class RouteChallengeCompiler : IRoutePlanCompiler
{
    public void Compile(ConfigDocument document, RoutePlanBuilder plans)
    {
        var settings = document.Challenge ?? new ChallengeSettingsSpec();
        var exemptions = new ChallengeExemptions(settings);
        foreach (var route in document.Routes)
        {
            var challenge = route.Challenge;
            var applies = challenge.Mode switch
            {
                ChallengeModes.Always => true,
                ChallengeModes.UnderAttack => settings.UnderAttack,
                _ => false,
            };
            plans.Set(route, applies ? new RouteChallenge(true, challenge.Difficulty, challenge.ValidMinutes, exemptions) : RouteChallenge.Off);
        }
    }
}
