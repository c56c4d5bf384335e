using Appliance.Data.Auditing;
using Appliance.Data.Entities;
using Appliance.Data.History;
using Appliance.Data.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Store;

// The challenge settings are one object: defaults until first saved, then replaced whole through the
// write path, audited, kept in the history and in the export; an import without them restores the defaults.
public sealed class ChallengeSettingsStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task Saved_settings_are_read_back_audited_kept_in_the_history_and_exported_and_an_import_without_them_restores_the_defaults()
    {
        var defaults = await fixture.Store.ChallengeSettings.GetAsync();
        Assert.False(defaults.UnderAttack);
        Assert.Empty(defaults.Allow);
        Assert.Contains(defaults.Crawlers, c => c.Name == "Googlebot" && c.Domains.Contains("googlebot.com"));

        var wanted = new ChallengeSettingsSpec
        {
            UnderAttack = true,
            Allow = [" 203.0.113.0/24 ", "2001:db8::1"],
            Crawlers = [new VerifiedCrawlerSpec { Name = "Bingbot", UserAgent = "bingbot", Domains = ["Search.MSN.com."] }],
        };
        var saved = await fixture.Store.ChallengeSettings.UpdateAsync(wanted, "ops");
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.SelectMany(e => e.Value)));

        var read = await fixture.Store.ChallengeSettings.GetAsync();
        Assert.True(read.UnderAttack);
        Assert.Equal(["203.0.113.0/24", "2001:db8::1"], read.Allow);
        Assert.Equal(["search.msn.com"], Assert.Single(read.Crawlers).Domains);

        var entry = (await fixture.Services.GetRequiredService<AuditLog>().GetLatestAsync(1)).Single();
        Assert.Equal((AuditAction.Update, "settings", "challenge", "ops"), (entry.Action, entry.EntityType, entry.EntityName, entry.Actor));
        Assert.Contains("\"underAttack\":false", entry.Before);
        Assert.Contains("\"underAttack\":true", entry.After);

        var latest = (await fixture.Services.GetRequiredService<ConfigHistory>().ListAsync(1)).Single();
        var kept = await fixture.Services.GetRequiredService<ConfigHistory>().GetAsync(latest.Number);
        Assert.True(kept.Value!.Challenge.UnderAttack);

        var exported = await fixture.Store.ExportAsync();
        Assert.True(exported.Challenge.UnderAttack);

        // A document from before the settings existed has no member: the defaults, switch off.
        var imported = await fixture.Store.ImportAsync(exported with { Challenge = null! }, "ops");
        Assert.True(imported.Succeeded, string.Join("; ", imported.Errors.SelectMany(e => e.Value)));
        var after = await fixture.Store.ChallengeSettings.GetAsync();
        Assert.False(after.UnderAttack);
        Assert.Equal(VerifiedCrawlerSpec.WellKnown.Select(c => c.Name), after.Crawlers.Select(c => c.Name));
    }

    [Fact]
    public async Task An_import_with_bad_settings_is_refused_with_document_paths_and_changes_nothing()
    {
        var before = await fixture.Store.ExportAsync();
        var result = await fixture.Store.ImportAsync(before with { Challenge = new ChallengeSettingsSpec { Allow = ["10.0.0.0/33"] } }, "ops");

        Assert.False(result.Succeeded);
        Assert.Contains("challenge.allow[0]", result.Errors.Keys);
        Assert.Equal(before.Challenge.Allow, (await fixture.Store.ChallengeSettings.GetAsync()).Allow);
    }
}
