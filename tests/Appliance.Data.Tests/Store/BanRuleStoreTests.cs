using Appliance.Data.ConfigKinds.BanRules;
using Appliance.Data.Hosting;
using Appliance.Data.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Appliance.Data.Tests.Store;

// The two default rules come with the table, once; they are ordinary rules after that.
public sealed class BanRuleStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    [Fact]
    public async Task The_defaults_are_in_a_new_database_valid_and_a_deleted_one_stays_deleted_when_migrations_run_again()
    {
        var rules = await fixture.Store.BanRules.ListAsync();
        Assert.Equal(BanRuleDefaults.All.Select(r => r.Name), rules.Select(r => r.Name));
        var scanners = rules.Single(r => r.Name == BanRuleDefaults.Scanners.Name);
        Assert.Equal(BanRuleDefaults.Scanners.Paths, scanners.Paths);
        Assert.Equal(BanRuleDefaults.Scanners.Threshold, scanners.Threshold);
        Assert.True(scanners.Enabled);
        Assert.Equal([401, 403], rules.Single(r => r.Name == BanRuleDefaults.RepeatedRefusals.Name).Statuses);

        // Every write validates the whole document: the defaults must pass, or nothing could be saved.
        Assert.True((await fixture.Store.RateLimits.CreateAsync(new RateLimitSpec { Name = "any-change" }, "ops")).Succeeded);

        Assert.True((await fixture.Store.BanRules.DeleteAsync(BanRuleDefaults.Scanners.Name, "ops")).Succeeded);
        var migrator = fixture.Services.GetServices<IHostedService>().OfType<DatabaseMigrator>().Single();
        await migrator.StartAsync(CancellationToken.None);

        Assert.Equal([BanRuleDefaults.RepeatedRefusals.Name], (await fixture.Store.BanRules.ListAsync()).Select(r => r.Name));
    }
}

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
