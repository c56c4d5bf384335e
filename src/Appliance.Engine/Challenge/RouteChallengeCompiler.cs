using Appliance.Data.Model;
using Appliance.Engine.Configuration;

namespace Appliance.Engine.Challenge;

/// <summary>Compiles each route's challenge; routes with mode Off share one part that never applies.</summary>
internal sealed class RouteChallengeCompiler : IRoutePlanCompiler
{
    public void Compile(ConfigDocument document, RoutePlanBuilder plans)
    {
        foreach (var route in document.Routes)
        {
            var challenge = route.Challenge;
            plans.Set(route, challenge.Mode switch
            {
                ChallengeModes.Always => new RouteChallenge(true, false, challenge.Difficulty, challenge.ValidMinutes),
                ChallengeModes.UnderAttack => new RouteChallenge(false, true, challenge.Difficulty, challenge.ValidMinutes),
                _ => RouteChallenge.Off,
            });
        }
    }
}
