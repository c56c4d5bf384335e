using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Security.TurnedAway;

/// <summary>
/// <c>GET /api/v1/security/under-attack</c> on the real data plane: a banned client closed at accept,
/// a client an access list denies and one over its rate limit all show with their address and reason,
/// per second and in <c>/metrics</c>; a Viewer may read it; a forwarding header from an untrusted
/// client never puts another address on the list.
/// </summary>
public sealed class UnderAttackApiTests(UnderAttackHost host) : IClassFixture<UnderAttackHost>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Banned_denied_and_rate_limited_clients_show_with_their_address_and_reason()
    {
        using (var banned = await host.Api.PostAsJsonAsync("/api/v1/bans", new { address = "127.0.0.51", seconds = 600, reason = "under attack test" }))
        {
            Assert.Equal(HttpStatusCode.Created, banned.StatusCode);
        }

        try
        {
            Assert.True(await SourceBoundHttp.ClosedUnansweredAsync(IPAddress.Parse("127.0.0.51"), host.ProxyAddress), "the banned client was not closed at accept");
            Assert.Equal(403, await host.StatusFromAsync("127.0.0.52", "guarded.test"));
            Assert.Equal(200, await host.StatusFromAsync("127.0.0.53", "tight.test"));
            Assert.Equal(429, await host.StatusFromAsync("127.0.0.53", "tight.test"));

            // The rates count completed seconds: the one under way shows a moment later.
            JsonElement report = default;
            await Eventually.TrueAsync(
                async () =>
                {
                    report = await host.ReportAsync();
                    var rates = report.GetProperty("turnedAwayPerSecond");
                    return rates.GetProperty("Banned").GetDouble() > 0 && rates.GetProperty("AccessList").GetDouble() > 0 && rates.GetProperty("RateLimit").GetDouble() > 0;
                },
                Patience,
                () => "banned, access-list and rate-limit refusals in the rates: " + report);

            Assert.Equal(10, report.GetProperty("windowSeconds").GetInt32());
            Assert.Equal(0, report.GetProperty("turnedAwayPerSecond").GetProperty("Overload").GetDouble());
            Assert.True(report.GetProperty("turnedAwayLastMinute").GetInt64() >= 3);
            Assert.Equal(60, report.GetProperty("series").GetArrayLength());
            Assert.Contains(report.GetProperty("series").EnumerateArray(), s => s.GetProperty("byReason").TryGetProperty("Banned", out _));
            Assert.Equal(["Banned"], Reasons(UnderAttackHost.Offender(report, "127.0.0.51")));
            Assert.Equal(["AccessList"], Reasons(UnderAttackHost.Offender(report, "127.0.0.52")));
            Assert.Equal(["RateLimit"], Reasons(UnderAttackHost.Offender(report, "127.0.0.53")));
            Assert.Equal(1, UnderAttackHost.Offender(report, "127.0.0.53")!.Value.GetProperty("count").GetInt64());

            // No country database: countries are unknown, not guessed.
            Assert.Equal(JsonValueKind.Null, UnderAttackHost.Offender(report, "127.0.0.52")!.Value.GetProperty("country").ValueKind);
            Assert.Equal(0, report.GetProperty("topCountries").GetArrayLength());
            Assert.True(report.GetProperty("bans").GetProperty("active").GetInt32() >= 1);
            Assert.Contains(report.GetProperty("bans").GetProperty("recent").EnumerateArray(), b => b.GetProperty("subject").GetString() == "127.0.0.51");
            Assert.False(report.GetProperty("underAttack").GetBoolean());

            var metrics = await host.MetricsAsync();
            Assert.Matches("appliance_turned_away_total\\{reason=\"banned\"\\} [1-9]", metrics);
            Assert.Matches("appliance_turned_away_total\\{reason=\"access-list\"\\} [1-9]", metrics);
            Assert.Matches("appliance_turned_away_total\\{reason=\"rate-limit\"\\} [1-9]", metrics);
            Assert.Contains("appliance_turned_away_total{reason=\"challenge\"} 0", metrics, StringComparison.Ordinal);
        }
        finally
        {
            await host.Api.DeleteAsync("/api/v1/bans/127.0.0.51");
        }
    }

    [Fact]
    public async Task A_client_refused_because_its_pool_is_full_shows_as_overload()
    {
        host.Held.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = host.TargetStatusFromAsync("127.0.0.56", "capped.test", "/slow/1");
        try
        {
            await Eventually.TrueAsync(() => host.Held.Requests >= 1, Patience, "the first request at the capped pool's backend");
            Assert.Equal(503, await host.TargetStatusFromAsync("127.0.0.55", "capped.test", "/slow/2"));
        }
        finally
        {
            host.Held.Gate.TrySetResult();
        }

        Assert.Equal(200, await holding);
        var report = await host.ReportAsync();
        Assert.Equal(["Overload"], Reasons(UnderAttackHost.Offender(report, "127.0.0.55")));
        Assert.Null(UnderAttackHost.Offender(report, "127.0.0.56"));
        Assert.Matches("appliance_turned_away_total\\{reason=\"overload\"\\} [1-9]", await host.MetricsAsync());
    }

    [Fact]
    public async Task A_forwarding_header_from_an_untrusted_client_names_no_one_else_and_a_trusted_proxy_s_names_its_client()
    {
        string[] claims = ["X-Forwarded-For: 203.0.113.99", "X-Real-IP: 203.0.113.98", "Forwarded: for=203.0.113.97", "True-Client-IP: 203.0.113.96"];
        Assert.Equal(200, await host.StatusFromAsync("127.0.0.54", "tight.test", claims));
        Assert.Equal(429, await host.StatusFromAsync("127.0.0.54", "tight.test", claims));
        Assert.Equal(429, await host.StatusFromAsync("127.0.0.54", "tight.test", "X-Forwarded-For: 127.0.0.52, 203.0.113.99"));

        Assert.Equal(200, await host.StatusFromAsync(UnderAttackHost.TrustedProxy, "tight.test", "X-Forwarded-For: 203.0.113.61"));
        Assert.Equal(429, await host.StatusFromAsync(UnderAttackHost.TrustedProxy, "tight.test", "X-Forwarded-For: 203.0.113.61"));

        var report = await host.ReportAsync();
        Assert.Equal(2, UnderAttackHost.Offender(report, "127.0.0.54")!.Value.GetProperty("count").GetInt64());
        Assert.Equal(["RateLimit"], Reasons(UnderAttackHost.Offender(report, "203.0.113.61")));
        Assert.Null(UnderAttackHost.Offender(report, UnderAttackHost.TrustedProxy));
        foreach (var claimed in new[] { "203.0.113.99", "203.0.113.98", "203.0.113.97", "203.0.113.96" })
        {
            Assert.Null(UnderAttackHost.Offender(report, claimed));
        }

        // The access list's address was only claimed: it was never turned away for a rate limit.
        Assert.DoesNotContain("RateLimit", Reasons(UnderAttackHost.Offender(report, "127.0.0.52")));
    }

    [Fact]
    public async Task A_viewer_token_may_read_the_report_no_token_may_not_and_a_bad_top_is_a_problem_on_its_field()
    {
        using var created = await host.Api.PostAsJsonAsync("/api/v1/tokens", new { name = "attack-watcher", role = "Viewer" });
        created.EnsureSuccessStatusCode();
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        using var viewer = new HttpClient { BaseAddress = host.Api.BaseAddress };
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        var report = await host.ReportAsync(viewer);
        Assert.True(report.TryGetProperty("turnedAwayPerSecond", out _));

        // A Viewer reads; banning from the list is an operator's, through the bans API.
        using (var ban = await viewer.PostAsJsonAsync("/api/v1/bans", new { address = "203.0.113.70", seconds = 60 }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, ban.StatusCode);
        }

        using var anonymous = new HttpClient { BaseAddress = host.Api.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/security/under-attack")).StatusCode);

        using var bad = await host.Api.GetAsync("/api/v1/security/under-attack?top=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("top", out _));
    }

    private static string[] Reasons(JsonElement? offender) =>
        offender is { } found ? found.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToArray() : [];
}
