using System.Net;
using Appliance.Data.Model;
using Appliance.Engine.GeoIp;
using Appliance.Engine.Security.Bans;
using Appliance.Engine.Security.TurnedAway;
using Appliance.Web.Components.Pages.Dashboard;
using Appliance.Web.Tests.Security;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Web.Tests.Components.Dashboard;

/// <summary>The dashboard's "Under attack" card over a real recorder (on a fake clock), the real ban service and, where it matters, MaxMind's test database.</summary>
public sealed class UnderAttackCardTests : FormContext, IClassFixture<ConfigDatabase>
{
    private readonly FakeTimeProvider _clock = new();
    private readonly TurnedAwayRecorder _recorder;

    public UnderAttackCardTests(ConfigDatabase database)
        : base(database)
    {
        _recorder = new TurnedAwayRecorder(_clock);
        Services.AddSingleton(sp => new UnderAttackReader(_recorder, sp.GetRequiredService<CountryDatabase>(), sp.GetRequiredService<BanService>(), new Appliance.Engine.Configuration.SnapshotStore()));
    }

    private BanService Bans => Services.GetRequiredService<BanService>();

    [Fact]
    public async Task When_nothing_was_turned_away_the_card_says_so_and_links_to_the_bans()
    {
        await SignInAsync(UniqueName("calm"), ApplianceRoles.Viewer);

        var card = Render<UnderAttackCard>();

        Assert.Contains("Nothing turned away in the last minute.", card.Find("[data-testid=under-attack-quiet]").TextContent, StringComparison.Ordinal);
        Assert.Empty(card.FindAll("[data-testid=turned-away-rates]"));
        Assert.Empty(card.FindAll("[data-testid=top-addresses]"));
        Assert.Equal("/security#bans", card.Find("[data-testid=under-attack-bans] a").GetAttribute("href"));
    }

    [Fact]
    public async Task Reasons_show_their_rate_the_worst_address_comes_first_and_an_Admin_bans_it_from_the_card()
    {
        await SignInAsync(UniqueName("admin"));
        var attacker = IPAddress.Parse("203.0.113.77");
        for (var i = 0; i < 30; i++)
        {
            _recorder.Record(TurnedAwayReason.RateLimit, attacker);
        }

        _recorder.Record(TurnedAwayReason.AccessList, attacker);
        _recorder.Record(TurnedAwayReason.AccessList, IPAddress.Parse("198.51.100.77"));
        _clock.Advance(TimeSpan.FromSeconds(1));

        var card = Render<UnderAttackCard>();

        Assert.Empty(card.FindAll("[data-testid=under-attack-quiet]"));
        Assert.Equal("3", card.Find("[data-reason=RateLimit]").GetAttribute("data-per-second"));
        Assert.Equal("0.2", card.Find("[data-reason=AccessList]").GetAttribute("data-per-second"));
        Assert.Empty(card.FindAll("[data-reason=Overload]"));
        Assert.Empty(card.FindAll("[data-reason=Banned]"));
        var rows = card.FindAll("tr[data-offender]");
        Assert.Equal("203.0.113.77", rows[0].GetAttribute("data-offender"));
        Assert.Equal("31", rows[0].QuerySelector("[data-count]")!.GetAttribute("data-count"));
        Assert.Contains("Access list, Rate limit", rows[0].TextContent, StringComparison.Ordinal);

        await card.InvokeAsync(() => card.Find("button[data-ban-offender='203.0.113.77']").Click());

        var ban = Assert.Single(Bans.Active(), b => b.Subject == "203.0.113.77");
        Assert.Contains("31 times", ban.Reason, StringComparison.Ordinal);
        card.WaitForAssertion(() => Assert.NotNull(card.Find("tr[data-offender='203.0.113.77'] [data-banned]")));
        Assert.Empty(card.FindAll("button[data-ban-offender='203.0.113.77']"));
        Assert.NotEmpty(card.FindAll("button[data-ban-offender='198.51.100.77']"));
        Assert.Contains("in force", card.Find("[data-testid=under-attack-bans]").TextContent, StringComparison.Ordinal);
        await Bans.UnbanAsync("203.0.113.77", "test");
    }

    [Fact]
    public async Task A_viewer_sees_the_offenders_but_no_ban_button()
    {
        await SignInAsync(UniqueName("viewer"), ApplianceRoles.Viewer);
        _recorder.Record(TurnedAwayReason.Banned, IPAddress.Parse("203.0.113.78"));
        _clock.Advance(TimeSpan.FromSeconds(1));

        var card = Render<UnderAttackCard>();

        Assert.Single(card.FindAll("tr[data-offender='203.0.113.78']"));
        Assert.Equal("0.1", card.Find("[data-reason=Banned]").GetAttribute("data-per-second"));
        Assert.Empty(card.FindAll("button[data-ban-offender]"));
    }

    [Fact]
    public async Task With_a_country_database_offenders_and_countries_carry_their_country()
    {
        using var countries = new CountryDatabase(
            new GeoIpOptions { DatabasePath = GeoIpHost.TestDatabase("GeoIP2-Country-Test.mmdb") }, TimeProvider.System, NullLogger<CountryDatabase>.Instance);
        Services.AddSingleton(countries);
        await SignInAsync(UniqueName("viewer"), ApplianceRoles.Viewer);
        _recorder.Record(TurnedAwayReason.Country, IPAddress.Parse("2001:218::1"));
        _recorder.Record(TurnedAwayReason.Country, IPAddress.Parse("2001:218::2"));
        _clock.Advance(TimeSpan.FromSeconds(1));

        var card = Render<UnderAttackCard>();

        var row = card.Find("tr[data-offender='2001:218::/64']");
        Assert.Contains("JP", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("2", row.QuerySelector("[data-count]")!.GetAttribute("data-count"));
        Assert.Contains("JP 2", card.Find("[data-country=JP]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_challenge_switch_goes_in_its_place_when_the_dashboard_hands_one_in()
    {
        await SignInAsync(UniqueName("viewer"), ApplianceRoles.Viewer);
        RenderFragment challengeSwitch = builder => builder.AddMarkupContent(0, "<span id=\"the-switch\">switch</span>");

        var card = Render<UnderAttackCard>(p => p.Add(c => c.ChallengeSwitch, challengeSwitch));

        Assert.NotNull(card.Find("[data-testid=challenge-switch] #the-switch"));
    }
}
