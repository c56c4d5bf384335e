using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Routes;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.Routes;

/// <summary>The route form's challenge section: it shows the stored challenge, keeps its mode, saves what it changes and names a bad field.</summary>
public sealed class RouteChallengeFormTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>, IAsyncLifetime
{
    private string _pool = "";

    async Task IAsyncLifetime.InitializeAsync()
    {
        _pool = UniqueName("challenge");
        await Database.Store.Pools.CreateAsync(new PoolSpec { Name = _pool, Backends = [new BackendSpec { Address = "http://127.0.0.1:9001" }] }, "test");
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    [Fact]
    public async Task The_challenge_is_shown_unfolded_and_a_bad_difficulty_is_named_by_its_field()
    {
        var name = UniqueName("guarded");
        var route = new RouteSpec
        {
            Name = name,
            Targets = [new TargetSpec { Pool = _pool, Weight = 1 }],
            Challenge = new ChallengeSpec { Mode = ChallengeModes.Always, Difficulty = 4, ValidMinutes = 30 },
        };
        Assert.True((await Database.Store.Routes.CreateAsync(route, "test")).Succeeded);
        await SignInAsync();
        RenderPopoverHost();
        var stored = await Database.Store.Routes.GetAsync(name);
        var form = Render<RouteForm>(p => p.Add(f => f.Route, stored));

        form.WaitForAssertion(() => Assert.Equal("30", form.Find("#route-challenge-minutes").GetAttribute("value")));
        Assert.Contains("Challenge: Always", form.Markup, StringComparison.Ordinal);
        form.Find("#route-challenge-difficulty").Change("9");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.Contains("The difficulty must be between 1 and 6", form.Markup, StringComparison.Ordinal));
        Assert.Equal(4, (await Database.Store.Routes.GetAsync(name))!.Challenge.Difficulty);

        form.Find("#route-challenge-difficulty").Change("5");
        form.Find("#route-challenge-minutes").Change("120");
        form.Find("[data-testid=save]").Click();

        await Eventually.TrueAsync(async () => (await Database.Store.Routes.GetAsync(name))!.Challenge.Difficulty == 5, TimeSpan.FromSeconds(10), "the new difficulty to be saved");
        var saved = (await Database.Store.Routes.GetAsync(name))!.Challenge;
        Assert.Equal(new ChallengeSpec { Mode = ChallengeModes.Always, Difficulty = 5, ValidMinutes = 120 }, saved);
    }
}
