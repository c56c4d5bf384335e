using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Appliance.Data.Model;
using Appliance.Data.Tokens;
using Appliance.Data.Users;
using Appliance.Engine.Warnings;
using Appliance.Web.Tests.Infrastructure;
using Appliance.Web.Tests.Tls;

namespace Appliance.Web.Tests.Warnings;

/// <summary>
/// <c>GET /api/v1/warnings</c> on a running appliance: each warning appears for the setup that
/// cannot work and goes away once it can, judged on live health and the stored certificates.
/// </summary>
public sealed class WarningsApiTests(ApplianceHost host) : IClassFixture<ApplianceHost>, IAsyncLifetime
{
    private TestBackend _backend = null!;

    public async Task InitializeAsync() => _backend = await TestBackend.StartAsync("warned");

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Fact]
    public async Task A_viewer_reads_the_warnings_as_kind_object_and_message_and_nobody_reads_them_without_a_token()
    {
        await host.AddPoolAsync(new { name = "viewer-empty", backends = Array.Empty<object>() });
        var tokens = host.App.Services.GetRequiredService<ApiTokenStore>();
        var viewer = (await tokens.CreateAsync(new ApiTokenRequest { Name = "warnings-viewer", Role = ApplianceRoles.Viewer }, Editor.Authorized("test"))).Value!.Token;
        using var client = new HttpClient { BaseAddress = host.Api.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/warnings")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", viewer);

        await host.WaitForLiveConfigAsync();
        var warning = (await ReadAsync(client)).Single(w => (string?)w!["object"] == "viewer-empty")!;

        Assert.Equal(["kind", "object", "message"], warning.AsObject().Select(p => p.Key));
        Assert.Equal(SetupWarningKinds.PoolWithoutEnabledBackend, (string?)warning["kind"]);
        Assert.Equal("Pool 'viewer-empty' has no backends: nothing sent to it can reach a backend.", (string?)warning["message"]);
    }

    [Fact]
    public async Task An_empty_pool_and_the_route_to_it_are_warned_about_until_a_backend_is_added_and_a_working_setup_never_is()
    {
        await host.AddPoolAsync(new { name = "fine-pool", backends = new[] { new { address = _backend.Address } } });
        await host.AddRouteAsync(new { name = "fine", path = "/fine", targets = new[] { new { pool = "fine-pool" } } });
        await host.AddPoolAsync(new { name = "empty", backends = new[] { new { address = _backend.Address, enabled = false } } });
        await host.AddRouteAsync(new { name = "broken", path = "/broken", targets = new[] { new { pool = "empty" } } });
        await host.WaitForLiveConfigAsync();

        var warnings = await ReadAsync(host.Api);
        Assert.DoesNotContain(warnings, w => (string?)w!["object"] is "fine" or "fine-pool");
        Assert.Equal(SetupWarningKinds.PoolWithoutEnabledBackend, Kind(warnings, "empty"));
        Assert.Equal(SetupWarningKinds.RouteWithoutEnabledBackend, Kind(warnings, "broken"));
        Assert.Contains("pool 'empty' has no enabled backend (its one backend is drained)", Message(warnings, "broken"), StringComparison.Ordinal);

        using var enabled = await host.Api.PutAsJsonAsync("/api/v1/pools/empty", new { name = "empty", backends = new[] { new { address = _backend.Address } } });
        enabled.EnsureSuccessStatusCode();
        await host.WaitForLiveConfigAsync();

        warnings = await ReadAsync(host.Api);
        Assert.DoesNotContain(warnings, w => (string?)w!["object"] is "empty" or "broken");
    }

    [Fact]
    public async Task A_route_whose_only_backend_fails_its_probes_is_warned_about_while_it_is_unhealthy()
    {
        await using var sick = await TestBackend.StartAsync("sick");
        await host.AddPoolAsync(new
        {
            name = "sick-pool",
            healthCheck = new { path = "/health", intervalSeconds = 1, timeoutSeconds = 1, unhealthyAfter = 1, healthyAfter = 1 },
            backends = new[] { new { address = sick.Address } },
        });
        await host.AddRouteAsync(new { name = "sick-route", path = "/sick", targets = new[] { new { pool = "sick-pool" } } });
        await host.WaitForLiveConfigAsync();

        sick.Healthy = false;
        await Eventually.TrueAsync(async () => Kind(await ReadAsync(host.Api), "sick-route") == SetupWarningKinds.RouteWithoutHealthyBackend, TimeSpan.FromSeconds(15), "the route's warning");
        var warnings = await ReadAsync(host.Api);
        Assert.Contains("pool 'sick-pool' has no healthy backend (1 unhealthy)", Message(warnings, "sick-route"), StringComparison.Ordinal);
        Assert.Null(Kind(warnings, "sick-pool"));

        sick.Healthy = true;
        await Eventually.TrueAsync(async () => Kind(await ReadAsync(host.Api), "sick-route") is null, TimeSpan.FromSeconds(15), "the warning to go once the backend is healthy");
    }

    [Fact]
    public async Task A_route_whose_certificate_expires_or_disappears_from_the_store_is_warned_about()
    {
        await host.AddPoolAsync(new { name = "tls-pool", backends = new[] { new { address = _backend.Address } } });
        var (shortChain, shortKey) = TestCertificates.Issue(["short.warnings.test"], notAfter: DateTimeOffset.UtcNow.AddSeconds(3));
        var (chain, key) = TestCertificates.Issue(["gone.warnings.test"]);
        await UploadAsync("short-lived", shortChain, shortKey);
        await UploadAsync("to-be-lost", chain, key);
        await host.AddRouteAsync(new { name = "expiring", hosts = new[] { "short.warnings.test" }, tls = "short-lived", targets = new[] { new { pool = "tls-pool" } } });
        await host.AddRouteAsync(new { name = "losing", hosts = new[] { "gone.warnings.test" }, tls = "to-be-lost", targets = new[] { new { pool = "tls-pool" } } });

        // As a restore of an older database could leave it: the route names a certificate the store no longer has.
        var database = host.App.Services.GetRequiredService<Appliance.Data.Hosting.DataDirectory>().DatabasePath;
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}"))
        {
            await connection.OpenAsync();
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM Certificates WHERE Name = 'to-be-lost'";
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }

        await host.WaitForLiveConfigAsync();
        Assert.Equal(SetupWarningKinds.RouteCertificateMissing, Kind(await ReadAsync(host.Api), "losing"));
        Assert.Contains("names certificate 'to-be-lost', which does not exist", Message(await ReadAsync(host.Api), "losing"), StringComparison.Ordinal);

        await Eventually.TrueAsync(async () => Kind(await ReadAsync(host.Api), "expiring") == SetupWarningKinds.RouteCertificateExpired, TimeSpan.FromSeconds(15), "the expired certificate's warning");
        Assert.Contains("names certificate 'short-lived', which expired on", Message(await ReadAsync(host.Api), "expiring"), StringComparison.Ordinal);
    }

    private async Task UploadAsync(string name, string chain, string key)
    {
        using var uploaded = await host.Api.PostAsJsonAsync("/api/v1/certificates", new { name, pem = chain, key });
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());
    }

    private static async Task<JsonArray> ReadAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/v1/warnings");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    private static string? Kind(JsonArray warnings, string name) =>
        (string?)warnings.SingleOrDefault(w => (string?)w!["object"] == name)?["kind"];

    private static string Message(JsonArray warnings, string name) =>
        (string?)warnings.Single(w => (string?)w!["object"] == name)!["message"] ?? "";
}
