using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Security.Bans;

/// <summary>
/// The API of ban rules and bans: the two default rules, every refusal on its field, the rules in
/// the export and the audit trail, and an operator's ban and unban (IPv6 by its /64), audited.
/// </summary>
public sealed class BanApiTests(BanApiTests.Host host) : IClassFixture<BanApiTests.Host>
{
    [Fact]
    public async Task A_new_appliance_has_the_two_default_rules_enabled_and_in_its_export()
    {
        var rules = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/ban-rules");
        var names = rules.EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToArray();
        Assert.Contains("scanners", names);
        Assert.Contains("repeated-refusals", names);
        Assert.All(rules.EnumerateArray(), r => Assert.True(r.GetProperty("enabled").GetBoolean()));

        var scanners = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/ban-rules/scanners");
        Assert.Contains("/.git/**", scanners.GetProperty("paths").EnumerateArray().Select(p => p.GetString()));
        var refusals = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/ban-rules/repeated-refusals");
        Assert.Equal([401, 403], refusals.GetProperty("statuses").EnumerateArray().Select(s => s.GetInt32()));

        var export = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/config");
        Assert.Contains(export.GetProperty("banRules").EnumerateArray(), r => r.GetProperty("name").GetString() == "scanners");
    }

    [Fact]
    public async Task Every_problem_of_a_rule_is_refused_on_its_field()
    {
        using var response = await host.Api.PostAsJsonAsync("/api/v1/ban-rules", new
        {
            name = "Bad Name",
            statuses = new[] { 99, 404, 404 },
            paths = new[] { "wp-login.php", "/a//b", "/x/**/y", "/a b", "/x/%2e%2e", "/x/../y", "/a;b", "/.ENV", "/.env" },
            threshold = 0,
            windowSeconds = 86_401,
            banSeconds = 0,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        string[] fields = ["name", "statuses[0]", "statuses[2]", "paths[0]", "paths[1]", "paths[2]", "paths[3]", "paths[4]", "paths[5]", "paths[6]", "paths[8]", "threshold", "windowSeconds", "banSeconds"];
        Assert.Equal(fields.Order(), errors.EnumerateObject().Select(e => e.Name).Order());

        using var empty = await host.Api.PostAsJsonAsync("/api/v1/ban-rules", new { name = "matches-nothing" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("at least one status or one path", (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("statuses")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_is_created_changed_disabled_and_deleted_through_the_write_path_and_audited()
    {
        (await host.Api.PostAsJsonAsync("/api/v1/ban-rules", new { name = "audited-rule", paths = new[] { "/admin.php/" }, threshold = 3 })).EnsureSuccessStatusCode();
        var created = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/ban-rules/audited-rule");
        Assert.Equal("/admin.php", created.GetProperty("paths")[0].GetString());
        Assert.Equal(60, created.GetProperty("windowSeconds").GetInt32());

        using var disabled = await host.Api.PutAsJsonAsync("/api/v1/ban-rules/audited-rule", new { enabled = false, paths = new[] { "/admin.php" }, threshold = 3 });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        Assert.False((await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/ban-rules/audited-rule")).GetProperty("enabled").GetBoolean());

        var audit = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/audit?take=5");
        Assert.Contains(audit.EnumerateArray(), a => a.GetProperty("entityType").GetString() == "ban-rule" && a.GetProperty("entityName").GetString() == "audited-rule" && a.GetProperty("action").GetString() == "Update");
        Assert.Equal(HttpStatusCode.NoContent, (await host.Api.DeleteAsync("/api/v1/ban-rules/audited-rule")).StatusCode);
    }

    [Fact]
    public async Task A_deleted_default_rule_stays_deleted_after_a_restart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "appliance-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var first = new SameDirectoryHost(directory);
            await first.InitializeAsync();
            Assert.Equal(HttpStatusCode.NoContent, (await first.Api.DeleteAsync("/api/v1/ban-rules/scanners")).StatusCode);
            await first.DisposeAsync();

            var second = new SameDirectoryHost(directory);
            await second.InitializeAsync();
            try
            {
                Assert.Equal(HttpStatusCode.NotFound, (await second.Api.GetAsync("/api/v1/ban-rules/scanners")).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await second.Api.GetAsync("/api/v1/ban-rules/repeated-refusals")).StatusCode);
            }
            finally
            {
                await second.DisposeAsync();
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // The temp folder is cleaned by the OS.
            }
        }
    }

    [Fact]
    public async Task An_operator_bans_and_unbans_an_address_both_audited_and_counted()
    {
        using var banned = await host.Api.PostAsJsonAsync("/api/v1/bans", new { address = "203.0.113.9", seconds = 600, reason = "credential stuffing" });
        Assert.Equal(HttpStatusCode.Created, banned.StatusCode);
        Assert.Equal("/api/v1/bans/203.0.113.9", banned.Headers.Location?.ToString());
        var ban = await banned.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("credential stuffing", ban.GetProperty("reason").GetString());
        Assert.Equal("token:bootstrap", ban.GetProperty("actor").GetString());
        Assert.Equal(JsonValueKind.Null, ban.GetProperty("rule").ValueKind);

        var list = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/bans");
        Assert.Contains(list.EnumerateArray(), b => b.GetProperty("subject").GetString() == "203.0.113.9");
        Assert.Matches("appliance_bans_total\\{rule=\"manual\"\\} [1-9]", await MetricsAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await host.Api.DeleteAsync("/api/v1/bans/203.0.113.9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.DeleteAsync("/api/v1/bans/203.0.113.9")).StatusCode);

        var audit = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/audit?take=10");
        Assert.Contains(audit.EnumerateArray(), a => a.GetProperty("entityType").GetString() == "ban" && a.GetProperty("entityName").GetString() == "203.0.113.9" && a.GetProperty("action").GetString() == "Create");
        Assert.Contains(audit.EnumerateArray(), a => a.GetProperty("entityType").GetString() == "ban" && a.GetProperty("entityName").GetString() == "203.0.113.9" && a.GetProperty("action").GetString() == "Delete");
    }

    [Theory]
    [InlineData("2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff::1")]
    [InlineData("2001:db8:1:2::%2F64")]
    public async Task An_IPv6_ban_holds_the_whole_64_and_any_of_its_addresses_lifts_it(string unban)
    {
        using var banned = await host.Api.PostAsJsonAsync("/api/v1/bans", new { address = "2001:db8:1:2::7", seconds = 60 });
        Assert.Equal(HttpStatusCode.Created, banned.StatusCode);
        Assert.Equal("2001:db8:1:2::/64", (await banned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subject").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await host.Api.DeleteAsync("/api/v1/bans/" + unban)).StatusCode);
        var list = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/bans");
        Assert.DoesNotContain(list.EnumerateArray(), b => b.GetProperty("subject").GetString() == "2001:db8:1:2::/64");
    }

    [Theory]
    [InlineData("not-an-address", 60, null, "address")]
    [InlineData("2001:db8::/48", 60, null, "address")]
    [InlineData("203.0.113.10", 0, null, "seconds")]
    [InlineData("203.0.113.10", 2_592_001, null, "seconds")]
    [InlineData("203.0.113.10", 60, "line\nbreak", "reason")]
    [InlineData("10.0.0.1", 60, null, "address")]
    [InlineData("127.0.0.1", 60, null, "address")]
    [InlineData("::1", 60, null, "address")]
    [InlineData("192.0.2.77", 60, null, "address")]
    public async Task A_ban_that_cannot_be_is_refused_on_its_field(string address, int seconds, string? reason, string field)
    {
        using var response = await host.Api.PostAsJsonAsync("/api/v1/bans", new { address, seconds, reason });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        var list = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/bans");
        Assert.DoesNotContain(list.EnumerateArray(), b => b.GetProperty("subject").GetString() == address);
    }

    [Fact]
    public async Task A_reason_longer_than_200_characters_is_refused()
    {
        using var response = await host.Api.PostAsJsonAsync("/api/v1/bans", new { address = "203.0.113.11", seconds = 60, reason = new string('x', 201) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
    }

    private async Task<string> MetricsAsync()
    {
        using var scraper = new HttpClient { BaseAddress = host.Api.BaseAddress };
        return await scraper.GetStringAsync("/metrics");
    }

    /// <summary>Loopback exempt as by default, a trusted proxy, and an exempt network.</summary>
    public sealed class Host : ApplianceHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Proxy:TrustedProxies:0"] = "10.0.0.1",
            ["Appliance:Proxy:Bans:ExemptNetworks:0"] = "192.0.2.0/24",
        };
    }

    /// <summary>An appliance on a data directory that outlives it, to be started again on the same state.</summary>
    private sealed class SameDirectoryHost(string directory) : ApplianceHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Appliance:DataDirectory"] = directory };
    }
}
