using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Security;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.Security;

/// <summary>The Security page's challenge section: the switch saves at once, the allow list and crawlers show the store's messages by field, a viewer changes nothing.</summary>
public sealed class ChallengeSettingsFormTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>
{
    [Fact]
    public async Task The_switch_turns_the_challenge_on_and_off_and_says_what_it_does()
    {
        await SignInAsync();
        var section = Render<ChallengeSection>();
        Assert.Contains("Turning it on asks for a proof of work", section.Find("[data-testid=under-attack-effect]").TextContent, StringComparison.Ordinal);

        await section.InvokeAsync(() => section.Find("[data-testid=under-attack-switch] input").Change(true));
        await Eventually.TrueAsync(async () => (await Database.Store.ChallengeSettings.GetAsync()).UnderAttack, TimeSpan.FromSeconds(10), "the switch to be saved on");
        section.WaitForAssertion(() => Assert.Contains("the challenge is on", section.Find("[data-testid=under-attack-switch]").TextContent, StringComparison.Ordinal));

        await section.InvokeAsync(() => section.Find("[data-testid=under-attack-switch] input").Change(false));
        await Eventually.TrueAsync(async () => !(await Database.Store.ChallengeSettings.GetAsync()).UnderAttack, TimeSpan.FromSeconds(10), "the switch to be saved off");
    }

    [Fact]
    public async Task Bad_ranges_and_crawlers_are_named_by_field_and_good_ones_are_saved_without_touching_the_switch()
    {
        await SignInAsync();
        var section = Render<ChallengeSection>();

        section.Find("#challenge-allow").Change("203.0.113.0/24\nnot-a-range");
        await section.InvokeAsync(() => section.Find("[data-testid=add-crawler]").Click());
        var last = section.FindAll("tr[data-crawler]").Count - 1;
        section.Find($"#crawler-{last}-name").Change("Mybot");
        section.Find($"#crawler-{last}-agent").Change("Mybot");
        section.Find($"#crawler-{last}-domains").Change("com");
        await section.InvokeAsync(() => section.Find("[data-testid=save-challenge]").Click());

        section.WaitForAssertion(() => Assert.Contains("'not-a-range' is neither an address nor a CIDR range", section.Markup, StringComparison.Ordinal));
        Assert.Contains("'com' is not a DNS domain", section.Markup, StringComparison.Ordinal);
        Assert.Empty((await Database.Store.ChallengeSettings.GetAsync()).Allow);

        section.Find("#challenge-allow").Change("203.0.113.0/24");
        section.Find($"#crawler-{last}-domains").Change("mybot.example, crawl.mybot.example");
        await section.InvokeAsync(() => section.Find("[data-testid=save-challenge]").Click());

        await Eventually.TrueAsync(async () => (await Database.Store.ChallengeSettings.GetAsync()).Allow.Count == 1, TimeSpan.FromSeconds(10), "the settings to be saved");
        var saved = await Database.Store.ChallengeSettings.GetAsync();
        Assert.Equal(["203.0.113.0/24"], saved.Allow);
        Assert.Equal(["mybot.example", "crawl.mybot.example"], saved.Crawlers.Single(c => c.Name == "Mybot").Domains);
        Assert.False(saved.UnderAttack);
    }

    [Fact]
    public async Task A_viewer_sees_the_settings_but_cannot_flip_or_save()
    {
        await SignInAsync(UniqueName("viewer"), ApplianceRoles.Viewer);
        var section = Render<ChallengeSection>();

        Assert.True(section.Find("[data-testid=under-attack-switch] input").HasAttribute("disabled"));
        Assert.Empty(section.FindAll("[data-testid=save-challenge]"));
        Assert.Empty(section.FindAll("[data-testid=add-crawler]"));
        Assert.Empty(section.FindAll("[data-testid=restore-crawlers]"));
        Assert.True(section.Find("#crawler-0-domains").HasAttribute("readonly"));
        Assert.True(section.Find("#challenge-allow").HasAttribute("readonly"));
        Assert.Contains(VerifiedCrawlerSpec.WellKnown[0].Name, section.Find("#crawler-0-name").GetAttribute("value"), StringComparison.Ordinal);
    }
}
