using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Api;

/// <summary>
/// Streams and error pages are written through the one write path, which audits every change: a
/// create, an update and a delete of each leave an entry naming the kind, the object and the change.
/// </summary>
public sealed class StreamAndErrorPageAuditTests(ApplianceHost host) : IClassFixture<ApplianceHost>
{
    [Fact]
    public async Task A_streams_create_update_and_delete_are_audited()
    {
        await SucceedsAsync(host.Api.PostAsJsonAsync("/api/v1/pools", new { name = "audit-db", backends = new[] { new { address = "http://127.0.0.1:9" } } }));
        await SucceedsAsync(host.Api.PostAsJsonAsync("/api/v1/streams", new { name = "audited-stream", sniHosts = new[] { "db.audit.test" }, pool = "audit-db" }));
        await SucceedsAsync(host.Api.PutAsJsonAsync("/api/v1/streams/audited-stream", new { sniHosts = new[] { "db2.audit.test" }, pool = "audit-db", maxConnections = 5 }));
        await SucceedsAsync(host.Api.DeleteAsync("/api/v1/streams/audited-stream"));

        var entries = await EntriesAsync("stream", "audited-stream");

        Assert.Equal(["Delete", "Update", "Create"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("db.audit.test", entries[2].GetProperty("after").GetProperty("sniHosts")[0].GetString());
        Assert.Equal("db.audit.test", entries[1].GetProperty("before").GetProperty("sniHosts")[0].GetString());
        Assert.Equal("db2.audit.test", entries[1].GetProperty("after").GetProperty("sniHosts")[0].GetString());
        Assert.Equal(5, entries[1].GetProperty("after").GetProperty("maxConnections").GetInt32());
        Assert.Equal("db2.audit.test", entries[0].GetProperty("before").GetProperty("sniHosts")[0].GetString());
        Assert.All(entries, e => Assert.Equal("token:bootstrap", e.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task An_error_pages_create_update_and_delete_are_audited()
    {
        await SucceedsAsync(host.Api.PostAsJsonAsync("/api/v1/error-pages", new { name = "audited-page", status = 502, html = "<p>first</p>" }));
        await SucceedsAsync(host.Api.PutAsJsonAsync("/api/v1/error-pages/audited-page", new { status = 502, html = "<p>second</p>" }));
        await SucceedsAsync(host.Api.DeleteAsync("/api/v1/error-pages/audited-page"));

        var entries = await EntriesAsync("error-page", "audited-page");

        Assert.Equal(["Delete", "Update", "Create"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("<p>first</p>", entries[2].GetProperty("after").GetProperty("html").GetString());
        Assert.Equal("<p>first</p>", entries[1].GetProperty("before").GetProperty("html").GetString());
        Assert.Equal("<p>second</p>", entries[1].GetProperty("after").GetProperty("html").GetString());
        Assert.Equal("<p>second</p>", entries[0].GetProperty("before").GetProperty("html").GetString());
    }

    // Newest first, as the audit lists them.
    private async Task<JsonElement[]> EntriesAsync(string entityType, string name)
    {
        var audit = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/audit?take=200");
        return audit.EnumerateArray()
            .Where(e => e.GetProperty("entityType").GetString() == entityType && e.GetProperty("entityName").GetString() == name)
            .ToArray();
    }

    private static async Task SucceedsAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
