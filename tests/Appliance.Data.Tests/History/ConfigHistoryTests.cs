using System.Text.Json;
using Appliance.Data.Auditing;
using Appliance.Data.Entities;
using Appliance.Data.History;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Data.Tests.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.History;

/// <summary>Every write keeps the document it leaves; a restore is an audited import of a kept one, judged by today's rules.</summary>
public sealed class ConfigHistoryTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private ConfigStore Store => fixture.Store;

    private ConfigHistory History => fixture.Services.GetRequiredService<ConfigHistory>();

    [Fact]
    public async Task Every_write_keeps_the_document_of_its_revision_with_who_and_what()
    {
        var writes = new (Func<Task<bool>> Write, string Summary)[]
        {
            (async () => (await Store.Pools.CreateAsync(new PoolSpec { Name = "keep-web", Backends = [new BackendSpec { Address = "http://127.0.0.1:9001" }] }, "alice")).Succeeded, "pool 'keep-web' created"),
            (async () => (await Store.Routes.CreateAsync(Route("keep-api", "keep-web"), "alice")).Succeeded, "route 'keep-api' created"),
            (async () => (await Store.Routes.UpdateAsync("keep-api", Route("keep-api", "keep-web") with { Path = "/v2" }, "bob")).Succeeded, "route 'keep-api' updated"),
            (async () => (await Store.AccessLists.CreateAsync(new AccessListSpec { Name = "keep-office" }, "bob")).Succeeded, "access list 'keep-office' created"),
            (async () => (await Store.Routes.DeleteAsync("keep-api", "carol")).Succeeded, "route 'keep-api' deleted"),
            (async () => (await Store.ImportAsync(await Store.ExportAsync(), "dave")).Succeeded, "import"),
        };

        foreach (var (write, summary) in writes)
        {
            Assert.True(await write());
            var (revision, document) = await Store.ReadAsync();
            var kept = await History.GetAsync(revision);

            Assert.True(kept.Succeeded, kept.Detail);
            Assert.Equal(Json(document), Json(kept.Value!));
            var listed = (await History.ListAsync(take: 1)).Single();
            Assert.Equal(revision, listed.Number);
            Assert.Equal(summary, listed.Summary);
            Assert.Equal(fixture.Clock.GetUtcNow(), listed.Time);
        }

        Assert.Equal(["dave", "carol", "bob", "bob", "alice", "alice"], (await History.ListAsync(take: 6)).Select(r => r.Actor));
    }

    [Fact]
    public async Task The_list_pages_backwards_by_number()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await Store.Pools.CreateAsync(new PoolSpec { Name = $"page-{i}" }, "t")).Succeeded);
        }

        var newest = await History.ListAsync(take: 2);
        var next = await History.ListAsync(take: 2, before: newest[^1].Number);

        Assert.Equal(newest[0].Number - 1, newest[1].Number);
        Assert.Equal(newest[1].Number - 1, next[0].Number);
        Assert.Equal("pool 'page-2' created", newest[0].Summary);
        Assert.Equal("pool 'page-0' created", next[0].Summary);
    }

    [Fact]
    public async Task A_restore_is_a_new_revision_equal_to_the_kept_document_and_audited()
    {
        Assert.True((await Store.Pools.CreateAsync(new PoolSpec { Name = "back-a" }, "t")).Succeeded);
        Assert.True((await Store.Routes.CreateAsync(Route("back-x", "back-a"), "t")).Succeeded);
        var (old, oldDocument) = await Store.ReadAsync();
        Assert.True((await Store.Routes.DeleteAsync("back-x", "t")).Succeeded);
        Assert.True((await Store.Pools.CreateAsync(new PoolSpec { Name = "back-b" }, "t")).Succeeded);
        var before = await Store.GetRevisionAsync();

        var restored = await History.RestoreAsync(old, "erin");

        Assert.True(restored.Succeeded, restored.Detail);
        var (revision, document) = await Store.ReadAsync();
        Assert.Equal(before + 1, revision);
        Assert.Equal(Json(oldDocument), Json(document));
        Assert.Equal(Json((await History.GetAsync(old)).Value!), Json((await History.GetAsync(revision)).Value!));
        var listed = (await History.ListAsync(take: 1)).Single();
        Assert.Equal($"restore of revision {old}", listed.Summary);
        Assert.Equal("erin", listed.Actor);

        var audit = (await fixture.Services.GetRequiredService<AuditLog>().GetLatestAsync(1)).Single();
        Assert.Equal((AuditAction.Restore, "config", $"revision {old}", "erin"), (audit.Action, audit.EntityType, audit.EntityName, audit.Actor));
        Assert.Contains("back-b", audit.Before, StringComparison.Ordinal);
        Assert.DoesNotContain("back-b", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_basic_auth_user_deleted_since_comes_back_with_its_password_and_no_hash_is_kept_in_clear()
    {
        Assert.True((await Store.AccessLists.CreateAsync(new AccessListSpec { Name = "vault", BasicAuthUsers = [new() { User = "old", Password = "an old long password" }] }, "t")).Succeeded);
        var withUser = await Store.GetRevisionAsync();
        var hash = (await Store.AccessLists.GetAsync("vault"))!.BasicAuthUsers.Single().PasswordHash!;
        Assert.True((await Store.AccessLists.UpdateAsync("vault", new AccessListSpec { Name = "vault", BasicAuthUsers = [new() { User = "new", Password = "a new long password" }] }, "t")).Succeeded);

        Assert.True((await History.RestoreAsync(withUser, "t")).Succeeded);

        var user = (await Store.AccessLists.GetAsync("vault"))!.BasicAuthUsers.Single();
        Assert.Equal(("old", hash), (user.User, user.PasswordHash));
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<ApplianceDbContext>>().CreateDbContextAsync();
        var stored = await db.History.Where(h => h.Number == withUser).Select(h => h.Document).SingleAsync();
        Assert.Contains("\"passwordHash\":", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(hash, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("passwordHash", Json((await History.GetAsync(withUser)).Value!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kept_document_invalid_by_todays_rules_is_refused_and_nothing_changes()
    {
        Assert.True((await Store.Pools.CreateAsync(new PoolSpec { Name = "rules-web" }, "t")).Succeeded);
        var kept = await Store.GetRevisionAsync();
        Assert.True((await Store.Pools.CreateAsync(new PoolSpec { Name = "rules-later" }, "t")).Succeeded);
        await using (var db = await fixture.Services.GetRequiredService<IDbContextFactory<ApplianceDbContext>>().CreateDbContextAsync())
        {
            // "static" is neither a path prefix nor a glob: a rule kept from before the check existed.
            var entry = await db.History.SingleAsync(h => h.Number == kept);
            var json = fixture.Services.GetRequiredService<HistoryDocumentJson>();
            var old = json.Deserialize(entry.Document);
            entry.Document = json.Serialize(old with { CacheRules = [new CacheRuleSpec { Name = "legacy", Match = "static" }] });
            await db.SaveChangesAsync();
        }

        var (revision, document) = await Store.ReadAsync();
        var auditBefore = (await fixture.Services.GetRequiredService<AuditLog>().GetLatestAsync(1)).Single().Id;

        var refused = await History.RestoreAsync(kept, "t");

        Assert.Equal(StoreStatus.Invalid, refused.Status);
        Assert.Equal(["cacheRules[0].match"], refused.Errors.Keys);
        Assert.Equal(revision, await Store.GetRevisionAsync());
        Assert.Equal(Json(document), Json(await Store.ExportAsync()));
        Assert.Equal(auditBefore, (await fixture.Services.GetRequiredService<AuditLog>().GetLatestAsync(1)).Single().Id);
        Assert.Equal(revision, (await History.ListAsync(take: 1)).Single().Number);
    }

    [Fact]
    public async Task A_restore_expecting_a_revision_that_has_moved_on_is_a_conflict()
    {
        Assert.True((await Store.Pools.CreateAsync(new PoolSpec { Name = "moved-a" }, "t")).Succeeded);
        var kept = await Store.GetRevisionAsync();
        Assert.True((await Store.Pools.CreateAsync(new PoolSpec { Name = "moved-b" }, "t")).Succeeded);
        var current = await Store.GetRevisionAsync();

        var stale = await History.RestoreAsync(kept, "t", expectedRevision: current - 1);
        Assert.Equal(StoreStatus.Conflict, stale.Status);
        Assert.Equal(current, await Store.GetRevisionAsync());

        Assert.True((await History.RestoreAsync(kept, "t", expectedRevision: current)).Succeeded);
        Assert.Null(await Store.Pools.GetAsync("moved-b"));
    }

    [Fact]
    public async Task Unknown_revisions_are_not_found_and_say_so()
    {
        var current = await Store.GetRevisionAsync();

        var ahead = await History.GetAsync(current + 5);
        Assert.Equal(StoreStatus.NotFound, ahead.Status);
        Assert.StartsWith($"There is no revision {current + 5}", ahead.Detail, StringComparison.Ordinal);
        Assert.Equal(StoreStatus.NotFound, (await History.GetAsync(0)).Status);
        Assert.Equal(StoreStatus.NotFound, (await History.RestoreAsync(current + 5, "t")).Status);
        Assert.Equal(current, await Store.GetRevisionAsync());
    }

    [Fact]
    public async Task A_diff_names_added_removed_and_changed_objects_with_their_fields()
    {
        Assert.True((await Store.Pools.CreateAsync(new PoolSpec { Name = "diff-web" }, "t")).Succeeded);
        Assert.True((await Store.Pools.CreateAsync(new PoolSpec { Name = "diff-gone" }, "t")).Succeeded);
        Assert.True((await Store.Routes.CreateAsync(Route("diff-api", "diff-web"), "t")).Succeeded);
        var from = await Store.GetRevisionAsync();
        Assert.True((await Store.Routes.UpdateAsync("diff-api", Route("diff-api", "diff-web") with { Path = "/v2", Hosts = ["a.example", "b.example"] }, "t")).Succeeded);
        Assert.True((await Store.Pools.DeleteAsync("diff-gone", "t")).Succeeded);
        Assert.True((await Store.RateLimits.CreateAsync(new RateLimitSpec { Name = "diff-new", Permits = 5, PeriodSeconds = 60, Burst = 5 }, "t")).Succeeded);
        var to = await Store.GetRevisionAsync();

        var diff = (await History.DiffAsync(from, to)).Value!;

        Assert.Equal((from, to), (diff.From, diff.To));
        var pools = diff.Kinds.Single(k => k.Kind == "pools");
        Assert.Equal(["diff-gone"], pools.Removed);
        Assert.Equal(["diff-new"], diff.Kinds.Single(k => k.Kind == "rateLimits").Added);
        var route = diff.Kinds.Single(k => k.Kind == "routes").Changed.Single(o => o.Name == "diff-api");
        var path = route.Fields.Single(f => f.Field == "path");
        Assert.Equal(("/api", "/v2"), (path.Before!.GetValue<string>(), path.After!.GetValue<string>()));
        Assert.Contains(route.Fields, f => f.Field == "hosts[0]" && f.Before is null && f.After!.GetValue<string>() == "a.example");
        Assert.Contains("-      \"path\": \"/api\",", diff.Unified, StringComparison.Ordinal);
        Assert.Contains("+      \"path\": \"/v2\",", diff.Unified, StringComparison.Ordinal);
        Assert.StartsWith($"--- revision {from}\n+++ revision {to}\n@@ -", diff.Unified, StringComparison.Ordinal);
        Assert.True((await History.DiffAsync(to, to)).Value!.IsEmpty);
    }

    [Fact]
    public async Task A_changed_password_shows_in_a_diff_as_a_changed_tag_never_as_its_hash()
    {
        Assert.True((await Store.AccessLists.CreateAsync(new AccessListSpec { Name = "tagged", BasicAuthUsers = [new() { User = "u", Password = "the first password" }] }, "t")).Succeeded);
        var from = await Store.GetRevisionAsync();
        var hash = (await Store.AccessLists.GetAsync("tagged"))!.BasicAuthUsers.Single().PasswordHash!;
        Assert.True((await Store.AccessLists.UpdateAsync("tagged", new AccessListSpec { Name = "tagged", BasicAuthUsers = [new() { User = "u", Password = "the second password" }] }, "t")).Succeeded);

        var diff = (await History.DiffAsync(from, await Store.GetRevisionAsync())).Value!;

        var field = diff.Kinds.Single(k => k.Kind == "accessLists").Changed.Single().Fields.Single();
        Assert.Equal("basicAuthUsers[0].passwordHash", field.Field);
        Assert.StartsWith("(hidden ", field.Before!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEqual(field.Before!.GetValue<string>(), field.After!.GetValue<string>());
        Assert.DoesNotContain(hash, diff.Unified, StringComparison.Ordinal);
    }

    private static RouteSpec Route(string name, string pool) => new() { Name = name, Path = "/api", Targets = [new TargetSpec { Pool = pool, Weight = 100 }] };

    private static string Json(ConfigDocument document) => JsonSerializer.Serialize(document, ConfigJson.Options);
}
