using Appliance.Data.ConfigKinds.BanRules;
using Appliance.Data.Model;

namespace Appliance.Data.Tests.Store;

// An import carries its ban rules whole, like every other kind: a document without them has none.
public sealed class BanRuleImportTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task An_export_carries_the_rules_and_an_import_replaces_them()
    {
        var exported = await fixture.Store.ExportAsync();
        Assert.Equal(BanRuleDefaults.All.Select(r => r.Name), exported.BanRules.Select(r => r.Name));

        var custom = new BanRuleSpec { Name = "imported", Statuses = [404], Paths = ["/.git/**"], Threshold = 3, WindowSeconds = 10, BanSeconds = 30, Enabled = false };
        Assert.True((await fixture.Store.ImportAsync(exported with { BanRules = [custom] }, "ops")).Succeeded);

        var stored = Assert.Single(await fixture.Store.BanRules.ListAsync());
        Assert.Equal(custom.Name, stored.Name);
        Assert.Equal(custom.Paths, stored.Paths);
        Assert.Equal(custom.Statuses, stored.Statuses);
        Assert.False(stored.Enabled);
        Assert.Equal((3, 10, 30), (stored.Threshold, stored.WindowSeconds, stored.BanSeconds));

        var invalid = await fixture.Store.ImportAsync(exported with { BanRules = [custom with { Paths = ["no-slash"] }] }, "ops");
        Assert.False(invalid.Succeeded);
        Assert.Contains("banRules[0].paths[0]", invalid.Errors.Keys);
    }
}
