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
