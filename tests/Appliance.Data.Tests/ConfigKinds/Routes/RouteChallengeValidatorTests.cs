using Appliance.Data.ConfigKinds.Routes;
using Appliance.Data.Model;

namespace Appliance.Data.Tests.ConfigKinds.Routes;

public sealed class RouteChallengeValidatorTests
{
    private static IDictionary<string, string[]> Errors(ChallengeSpec challenge) =>
        ValidatorRun.Errors(new RouteChallengeValidator(), new RouteSpec { Challenge = challenge });

    [Fact]
    public void Off_by_default_and_every_mode_within_bounds_is_valid()
    {
        Assert.Empty(Errors(new ChallengeSpec()));
        Assert.Empty(Errors(new ChallengeSpec { Mode = ChallengeModes.Always, Difficulty = 1, ValidMinutes = 1 }));
        Assert.Empty(Errors(new ChallengeSpec { Mode = ChallengeModes.UnderAttack, Difficulty = RouteChallengeValidator.MaxDifficulty, ValidMinutes = RouteChallengeValidator.MaxValidMinutes }));
    }

    [Fact]
    public void Each_bad_value_names_its_field()
    {
        var errors = Errors(new ChallengeSpec { Mode = "Sometimes", Difficulty = 7, ValidMinutes = 0 });
        Assert.Equal(["challenge.difficulty", "challenge.mode", "challenge.validMinutes"], errors.Keys.Order());
    }
}
