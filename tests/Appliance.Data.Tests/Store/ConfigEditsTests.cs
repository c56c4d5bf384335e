using Appliance.Data.ConfigKinds;
using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Data.Validation;

namespace Appliance.Data.Tests.Store;

/// <summary>The changes as pure functions of the stored document: the answers the store gives inside its transaction.</summary>
public sealed class ConfigEditsTests
{
    private static readonly ConfigDocument Stored = new()
    {
        Pools = [new PoolSpec { Name = "web" }, new PoolSpec { Name = "spare" }],
        Routes =
        [
            new RouteSpec { Name = "a", Targets = [new TargetSpec { Pool = "web" }], AccessList = "office", RateLimit = "tight" },
            new RouteSpec { Name = "b", Targets = [new TargetSpec { Pool = "web" }], AccessList = "office" },
        ],
        CacheRules = [new CacheRuleSpec { Name = "static", Route = "a" }],
        AccessLists = [new AccessListSpec { Name = "office" }, new AccessListSpec { Name = "unused" }],
        RateLimits = [new RateLimitSpec { Name = "tight" }],
    };

    [Fact]
    public void Creating_a_taken_name_is_a_conflict_in_the_kinds_words()
    {
        var edit = ConfigEdits.Create(Kinds.AccessLists, Stored, new AccessListSpec { Name = "office" });
        Assert.Equal(StoreStatus.Conflict, edit.Refusal!.Status);
        Assert.Equal("An access list named 'office' already exists.", Assert.Single(edit.Refusal.Errors["name"]));
    }

    [Fact]
    public void A_create_appends_the_object_and_leaves_every_other_object_as_it_was_read()
    {
        var edit = ConfigEdits.Create(Kinds.Pools, Stored, new PoolSpec { Name = "new" });

        Assert.Null(edit.Refusal);
        Assert.Equal(["web", "spare", "new"], edit.After.Pools.Select(p => p.Name));
        Assert.Same(Stored.Pools[0], edit.After.Pools[0]);
        Assert.Same(Stored.Routes, edit.After.Routes);
        Assert.Equal(new ChangedObject(Kinds.Pools, 2), edit.Changed);
        Assert.Equal(AuditAction.Create, edit.Audit.Action);
    }

    [Fact]
    public void Updating_an_unknown_name_is_not_found_and_renaming_is_refused_on_the_name()
    {
        Assert.Equal("There is no rate limit named 'gone'.", ConfigEdits.Update(Kinds.RateLimits, Stored, "gone", new RateLimitSpec { Name = "gone" }).Refusal!.Detail);

        var rename = ConfigEdits.Update(Kinds.CacheRules, Stored, "static", new CacheRuleSpec { Name = "other" });
        Assert.Null(rename.Refusal);
        Assert.Equal("The name cannot be changed (the URL names 'static'); create a new rule instead.", Assert.Single(rename.Errors.ToDictionary()["name"]));
    }

    [Theory]
    [InlineData("pool", "web", "Pool 'web' is a target of routes 'a', 'b'; remove it from their targets first.")]
    [InlineData("route", "a", "Route 'a' has cache rule 'static'; delete them first.")]
    [InlineData("access-list", "office", "Access list 'office' is used by route 'a', 'b'.")]
    [InlineData("rate-limit", "tight", "Rate limit 'tight' is used by route 'a'.")]
    public void Deleting_what_another_object_refers_to_is_a_conflict_naming_them(string kind, string name, string message)
    {
        var refusal = kind switch
        {
            "pool" => ConfigEdits.Delete(Kinds.Pools, Stored, name).Refusal?.Errors,
            "route" => ConfigEdits.Delete(Kinds.Routes, Stored, name).Refusal?.Errors,
            "access-list" => ConfigEdits.Delete(Kinds.AccessLists, Stored, name).Refusal?.Errors,
            _ => ConfigEdits.Delete(Kinds.RateLimits, Stored, name).Refusal?.Errors,
        };
        Assert.Equal(message, Assert.Single(refusal!["name"]));
    }

    [Fact]
    public void Deleting_what_nothing_refers_to_removes_only_it()
    {
        var edit = ConfigEdits.Delete(Kinds.AccessLists, Stored, "unused");
        Assert.Null(edit.Refusal);
        Assert.Equal(["office"], edit.After.AccessLists.Select(l => l.Name));
        Assert.Equal(-1, edit.Changed!.Index);
        Assert.Equal(StoreStatus.NotFound, ConfigEdits.Delete(Kinds.Pools, Stored, "gone").Refusal!.Status);
    }
}
