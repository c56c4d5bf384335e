using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Data;
using Appliance.Data.History;
using Appliance.Data.Model;
using Appliance.Data.Tokens;
using Appliance.Data.Users;
using Appliance.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Web.Tests.History;

/// <summary>
/// <c>/api/v1/config/revisions</c> on a real appliance: list, document, diff and restore, the
/// restored configuration served by the data plane on real sockets, the roles, and the refusals.
/// </summary>
public sealed class HistoryApiTests(HistoryHost host) : IClassFixture<HistoryHost>
{
    [Fact]
    public async Task The_list_the_document_and_the_diff_of_kept_revisions()
    {
        await host.AddRouteAsync(new { name = "list-api", path = "/list-api", targets = new[] { new { pool = "web", weight = 100 } } });
        var created = await host.RevisionAsync();
        var exported = await host.ExportAsync();
        using (var update = await host.Api.PutAsJsonAsync("/api/v1/routes/list-api", new { path = "/list-v2", hosts = new[] { "a.test" }, targets = new[] { new { pool = "web", weight = 100 } } }))
        {
            update.EnsureSuccessStatusCode();
        }

        var updated = await host.RevisionAsync();
        using var listed = await host.Api.GetAsync("/api/v1/config/revisions?take=2");
        var list = await listed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"\"{updated}\"", listed.Headers.ETag!.Tag);
        Assert.Equal([updated, created], list.EnumerateArray().Select(r => r.GetProperty("number").GetInt64()));
        Assert.Equal(["route 'list-api' updated", "route 'list-api' created"], list.EnumerateArray().Select(r => r.GetProperty("summary").GetString()));
        Assert.All(list.EnumerateArray(), r => Assert.Equal("token:bootstrap", r.GetProperty("actor").GetString()));
        Assert.True(list[0].TryGetProperty("time", out _));
        var older = await host.Api.GetFromJsonAsync<JsonElement>($"/api/v1/config/revisions?take=1&before={updated}");
        Assert.Equal(created, older[0].GetProperty("number").GetInt64());

        Assert.Equal(exported, (await host.Api.GetFromJsonAsync<JsonElement>($"/api/v1/config/revisions/{created}")).GetRawText());

        var diff = await host.Api.GetFromJsonAsync<JsonElement>($"/api/v1/config/revisions/{created}/diff/{updated}");
        var routes = diff.GetProperty("kinds").EnumerateArray().Single();
        Assert.Equal("routes", routes.GetProperty("kind").GetString());
        var changed = routes.GetProperty("changed").EnumerateArray().Single();
        Assert.Equal("list-api", changed.GetProperty("name").GetString());
        var path = changed.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("field").GetString() == "path");
        Assert.Equal(("/list-api", "/list-v2"), (path.GetProperty("before").GetString(), path.GetProperty("after").GetString()));
        Assert.Contains(changed.GetProperty("fields").EnumerateArray(), f => f.GetProperty("field").GetString() == "hosts[0]" && f.GetProperty("before").ValueKind == JsonValueKind.Null);
        Assert.Contains("+      \"path\": \"/list-v2\",", diff.GetProperty("unified").GetString(), StringComparison.Ordinal);

        await host.AddPoolAsync(new { name = "list-extra" });
        var added = await host.Api.GetFromJsonAsync<JsonElement>($"/api/v1/config/revisions/{updated}/diff/{await host.RevisionAsync()}");
        Assert.Equal(["list-extra"], added.GetProperty("kinds")[0].GetProperty("added").EnumerateArray().Select(n => n.GetString()));
        var removed = await host.Api.GetFromJsonAsync<JsonElement>($"/api/v1/config/revisions/{await host.RevisionAsync()}/diff/{updated}");
        Assert.Equal(["list-extra"], removed.GetProperty("kinds")[0].GetProperty("removed").EnumerateArray().Select(n => n.GetString()));
    }

    [Fact]
    public async Task A_restore_brings_back_the_old_document_and_the_data_plane_serves_it()
    {
        var before = await host.RevisionAsync();
        var exported = await host.ExportAsync();
        await host.AddRouteAsync(new { name = "gone", path = "/gone", targets = new[] { new { pool = "web", weight = 100 } } });
        await host.WaitForLiveConfigAsync();
        Assert.Equal(200, (await RawHttp.SendAsync(host.ProxyAddress, "GET", "/gone/x", "site.test")).Status);

        using var restore = await host.Api.PostAsync($"/api/v1/config/revisions/{before}/restore", null);

        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        Assert.Equal(exported, await host.ExportAsync());
        var latest = (await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/config/revisions?take=1"))[0];
        Assert.Equal($"restore of revision {before}", latest.GetProperty("summary").GetString());
        var audit = (await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/audit?take=1"))[0];
        Assert.Equal(("Restore", $"revision {before}"), (audit.GetProperty("action").GetString(), audit.GetProperty("entityName").GetString()));

        await host.WaitForLiveConfigAsync();
        foreach (var target in new[] { "/gone/x", "//gone/x", "/./gone/x", "/gone;a/x", "/gone%2Fx" })
        {
            Assert.Equal(404, (await RawHttp.SendAsync(host.ProxyAddress, "GET", target, "site.test", "X-Forwarded-For: 10.9.9.9")).Status);
        }
    }

    [Fact]
    public async Task A_revision_beyond_the_bound_is_404_and_says_it_was_pruned()
    {
        var first = await host.RevisionAsync() + 1;
        for (var i = 0; i <= HistoryHost.MaxRevisions; i++)
        {
            await host.AddPoolAsync(new { name = $"prune-{i}" });
        }

        foreach (var path in new[] { $"/api/v1/config/revisions/{first}", $"/api/v1/config/revisions/{first}/diff/{first + 1}" })
        {
            using var pruned = await host.Api.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, pruned.StatusCode);
            Assert.Equal("application/problem+json", pruned.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"Revision {first} is no longer kept", (await pruned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var restore = await host.Api.PostAsync($"/api/v1/config/revisions/{first}/restore", null);
        Assert.Equal(HttpStatusCode.NotFound, restore.StatusCode);
        using var unknown = await host.Api.GetAsync("/api/v1/config/revisions/999999");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.StartsWith("There is no revision 999999", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HistoryHost.MaxRevisions, (await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/config/revisions?take=100")).GetArrayLength());
    }

    [Fact]
    public async Task A_viewer_reads_the_history_but_cannot_restore()
    {
        var tokens = host.App.Services.GetRequiredService<ApiTokenStore>();
        var token = (await tokens.CreateAsync(new ApiTokenRequest { Name = "history-viewer", Role = ApplianceRoles.Viewer }, Editor.Authorized("test"))).Value!.Token;
        using var viewer = new HttpClient { BaseAddress = host.Api.BaseAddress };
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await host.AddPoolAsync(new { name = "viewer-seen" });
        var current = await host.RevisionAsync();

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/config/revisions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/config/revisions/{current}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/v1/config/revisions/{current - 1}/diff/{current}")).StatusCode);
        using var restore = await viewer.PostAsync($"/api/v1/config/revisions/{current - 1}/restore", null);
        Assert.Equal(HttpStatusCode.Forbidden, restore.StatusCode);
        Assert.Equal(current, await host.RevisionAsync());
    }

    [Fact]
    public async Task A_restore_with_a_stale_if_match_is_409_and_a_kept_document_invalid_today_is_400()
    {
        await host.AddPoolAsync(new { name = "stale-a" });
        var kept = await host.RevisionAsync();
        await host.AddPoolAsync(new { name = "stale-b" });
        var current = await host.RevisionAsync();

        Assert.Equal(HttpStatusCode.Conflict, (await RestoreAsync(kept, $"\"{current - 1}\"")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await RestoreAsync(kept, "\"latest\"")).StatusCode);
        Assert.Equal(current, await host.RevisionAsync());

        await using (var db = await host.App.Services.GetRequiredService<IDbContextFactory<ApplianceDbContext>>().CreateDbContextAsync())
        {
            // A cache rule stored before "static" (neither prefix nor glob) was refused.
            var json = host.App.Services.GetRequiredService<HistoryDocumentJson>();
            var entry = await db.History.SingleAsync(h => h.Number == kept);
            entry.Document = json.Serialize(json.Deserialize(entry.Document) with { CacheRules = [new CacheRuleSpec { Name = "legacy", Match = "static" }] });
            await db.SaveChangesAsync();
        }

        using var invalid = await RestoreAsync(kept, $"\"{current}\"");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await invalid.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("cacheRules[0].match", out _));
        Assert.Equal(current, await host.RevisionAsync());

        using var fine = await RestoreAsync(current - 2, $"W/\"{current}\"");
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        Assert.DoesNotContain("stale-a", await host.ExportAsync(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> RestoreAsync(long number, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/config/revisions/{number}/restore");
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return host.Api.SendAsync(request);
    }
}
