using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Data.Cluster;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Alerts;

public sealed class AlertsTests(AlertsHost host) : IClassFixture<AlertsHost>
{
    private const string Secret = "webhook-signing-secret-for-tests";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_backend_stopped_and_started_sends_down_and_up_with_its_pool_to_a_webhook_signed_with_the_secret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var backend = await RestartableBackend.StartAsync();
        await PostAsync("/api/v1/alerts/channels", new { name = "updown", webhook = new { url = receiver.Url + "/updown", secret = Secret } });
        await PostAsync("/api/v1/alerts/rules", new { name = "updown", events = new[] { "BackendDown", "BackendUp", "PoolDown", "PoolUp" }, channels = new[] { "updown" }, groupMinutes = 0 });
        await PostAsync("/api/v1/pools", new
        {
            name = "alerted",
            healthCheck = new { path = "/health", intervalSeconds = 1, timeoutSeconds = 1, unhealthyAfter = 1, healthyAfter = 1 },
            backends = new[] { new { address = backend.Address } },
        });
        await host.WaitForLiveConfigAsync();
        await WaitForHealthAsync("alerted", "Healthy");

        await backend.StopAsync();
        await Eventually.TrueAsync(() => receiver.Of("/hook/updown", "BackendDown").Count == 1 && receiver.Of("/hook/updown", "PoolDown").Count == 1, Wait, "down and pool-down notifications");
        await backend.StartAgainAsync();
        await Eventually.TrueAsync(() => receiver.Of("/hook/updown", "BackendUp").Count == 1 && receiver.Of("/hook/updown", "PoolUp").Count == 1, Wait, "up and pool-up notifications");

        var down = receiver.Of("/hook/updown", "BackendDown").Single();
        Assert.True(down.SignedWith(Secret), "the signature is the HMAC-SHA256 of the body with the channel's secret");
        Assert.False(down.SignedWith(Secret + "x"));
        Assert.Equal("BackendDown", down.Headers["X-Appliance-Event"]);
        var json = down.Json;
        var node = host.App.Services.GetRequiredService<NodeIdentity>().Name;
        Assert.Equal(node, json.GetProperty("node").GetString());
        Assert.Equal("critical", json.GetProperty("severity").GetString());
        var details = json.GetProperty("events")[0].GetProperty("details");
        Assert.Equal("alerted", details.GetProperty("pool").GetString());
        Assert.Equal(backend.Address, details.GetProperty("backend").GetString());
        Assert.Equal("probe", details.GetProperty("source").GetString());
        Assert.Equal("connection refused", details.GetProperty("reason").GetString());
        Assert.Equal(node, json.GetProperty("events")[0].GetProperty("node").GetString());
        Assert.All(receiver.Received.Where(r => r.Path == "/hook/updown"), r => Assert.True(r.SignedWith(Secret)));
    }

    [Fact]
    public async Task A_backend_going_down_is_mailed_through_smtp_signed_in_with_the_stored_password()
    {
        await using var sink = SmtpSink.Start();
        var backend = await TestBackend.StartAsync("mailed");
        await using var _ = backend;
        await PostAsync("/api/v1/alerts/channels", new
        {
            name = "mail",
            email = new { host = "127.0.0.1", port = sink.Port, security = "None", userName = "alerts", password = "smtp sink password", from = "appliance@example.test", to = new[] { "ops@example.test", "oncall@example.test" } },
        });
        await PostAsync("/api/v1/alerts/rules", new { name = "mail", events = new[] { "BackendDown" }, channels = new[] { "mail" }, groupMinutes = 0 });
        await PostAsync("/api/v1/pools", new
        {
            name = "mailed",
            healthCheck = new { path = "/health", intervalSeconds = 1, timeoutSeconds = 1, unhealthyAfter = 1, healthyAfter = 1 },
            backends = new[] { new { address = backend.Address } },
        });
        await host.WaitForLiveConfigAsync();
        await WaitForHealthAsync("mailed", "Healthy");

        backend.Healthy = false;
        await Eventually.TrueAsync(() => sink.Messages.Any(m => m.Data.Contains("mailed", StringComparison.Ordinal)), Wait, "the e-mail");

        var mail = sink.Messages.First(m => m.Data.Contains("mailed", StringComparison.Ordinal));
        Assert.Equal("alerts", mail.User);
        Assert.Equal("smtp sink password", mail.Password);
        Assert.Equal("<appliance@example.test>", mail.From);
        Assert.Equal(["<ops@example.test>", "<oncall@example.test>"], mail.To);
        Assert.Contains("Subject: [Appliance] critical: Backend " + backend.Address, mail.Data, StringComparison.Ordinal);
        Assert.Contains("status 503", mail.Data, StringComparison.Ordinal);
        Assert.Contains("X-Appliance-Event: BackendDown", mail.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_test_delivers_to_a_working_channel_and_reports_a_broken_one_in_the_answer_the_status_and_metrics()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await PostAsync("/api/v1/alerts/channels", new { name = "tested", webhook = new { url = receiver.Url + "/tested", secret = Secret } });
        await PostAsync("/api/v1/alerts/channels", new { name = "dead", webhook = new { url = $"http://127.0.0.1:{Ports.Unused()}/hook" } });

        using var ok = await host.Api.PostAsync("/api/v1/alerts/channels/tested/test", null);
        using var failed = await host.Api.PostAsync("/api/v1/alerts/channels/dead/test", null);
        using var missing = await host.Api.PostAsync("/api/v1/alerts/channels/nowhere/test", null);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var test = Assert.Single(receiver.Of("/hook/tested", "Test"));
        Assert.True(test.SignedWith(Secret));
        Assert.True(test.Json.GetProperty("test").GetBoolean());
        Assert.Contains("token:", test.Json.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Contains("connection failed", (await failed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var status = (await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/alerts/status")).EnumerateArray().ToArray();
        var dead = status.Single(s => s.GetProperty("channel").GetString() == "dead");
        Assert.Equal(1, dead.GetProperty("failed").GetInt64());
        Assert.Contains("connection failed", dead.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, status.Single(s => s.GetProperty("channel").GetString() == "tested").GetProperty("sent").GetInt64());
        var metrics = await host.Api.GetStringAsync("/metrics");
        Assert.Contains("appliance_alert_delivery_failures_total{channel=\"dead\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("appliance_alert_notifications_total{channel=\"tested\",outcome=\"sent\"} 1", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configuration_change_is_sent_with_who_made_it_and_what_changed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await PostAsync("/api/v1/alerts/channels", new { name = "changes", webhook = new { url = receiver.Url + "/changes" } });
        await PostAsync("/api/v1/alerts/rules", new { name = "changes", events = new[] { "ConfigChanged" }, channels = new[] { "changes" }, groupMinutes = 0 });

        await PostAsync("/api/v1/pools", new { name = "audited-pool", backends = new[] { new { address = "http://127.0.0.1:9" } } });

        await Eventually.TrueAsync(() => receiver.Of("/hook/changes", "ConfigChanged").Any(r => Details(r).GetProperty("entityName").GetString() == "audited-pool"), Wait, "the configuration change");
        var change = receiver.Of("/hook/changes", "ConfigChanged").First(r => Details(r).GetProperty("entityName").GetString() == "audited-pool");
        var audit = (await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/audit?take=50")).EnumerateArray().First(a => a.GetProperty("entityName").GetString() == "audited-pool");
        var actor = audit.GetProperty("actor").GetString();
        Assert.Equal(actor, Details(change).GetProperty("actor").GetString());
        Assert.Equal("Create", Details(change).GetProperty("action").GetString());
        Assert.Equal("pool", Details(change).GetProperty("entityType").GetString());
        Assert.Equal($"{actor} created pool 'audited-pool'.", change.Json.GetProperty("summary").GetString());
        Assert.Equal("info", change.Json.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Invalid_channels_and_rules_are_refused_with_a_message_per_field()
    {
        var hook = await ProblemAsync("/api/v1/alerts/channels", new { name = "bad-hook", webhook = new { url = "hooks.example.com", secret = "short" } });
        var mail = await ProblemAsync("/api/v1/alerts/channels", new { name = "bad-mail", email = new { host = "smtp.example.com", port = 70000, from = "nobody", to = new[] { "ops@example.com", "" } } });
        var neither = await ProblemAsync("/api/v1/alerts/channels", new { name = "neither" });
        var rule = await ProblemAsync("/api/v1/alerts/rules", new { name = "bad-rule", events = new[] { "BackendDown", "Sometimes" }, channels = new[] { "no-such-channel" }, groupMinutes = -1 });
        var unknownMember = await ProblemAsync("/api/v1/alerts/rules", new { name = "typo", evnts = new[] { "BackendDown" } });

        Assert.Equal(["webhook.secret", "webhook.url"], Fields(hook));
        Assert.Equal(["email.from", "email.port", "email.to[1]"], Fields(mail));
        Assert.Equal(["webhook"], Fields(neither));
        Assert.Equal(["channels[0]", "events[1]", "groupMinutes"], Fields(rule));
        Assert.Equal("There is no alert channel named 'no-such-channel'.", rule.GetProperty("errors").GetProperty("channels[0]")[0].GetString());
        Assert.Equal(["evnts"], Fields(unknownMember));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Api.GetAsync("/api/v1/alerts/channels/bad-hook")).StatusCode);
    }

    [Fact]
    public async Task Secrets_are_in_no_answer_export_audit_entry_or_log_line()
    {
        const string password = "smtp password nobody may read";
        await PostAsync("/api/v1/alerts/channels", new { name = "secretive", webhook = new { url = $"http://127.0.0.1:{Ports.Unused()}/hook", secret = Secret + "-secretive" } });
        await PostAsync("/api/v1/alerts/channels", new
        {
            name = "secret-mail",
            email = new { host = "127.0.0.1", port = Ports.Unused(), security = "None", userName = "ops", password, from = "a@example.test", to = new[] { "b@example.test" } },
        });
        using var _ = await host.Api.PostAsync("/api/v1/alerts/channels/secretive/test", null);
        using var __ = await host.Api.PostAsync("/api/v1/alerts/channels/secret-mail/test", null);
        using var renamedKeep = await host.Api.PutAsJsonAsync("/api/v1/alerts/channels/secretive", new { webhook = new { url = $"http://127.0.0.1:{Ports.Unused()}/other", hasSecret = true } });
        Assert.Equal(HttpStatusCode.OK, renamedKeep.StatusCode);

        var one = await host.Api.GetStringAsync("/api/v1/alerts/channels/secretive");
        var texts = new[]
        {
            one,
            await host.Api.GetStringAsync("/api/v1/alerts/channels"),
            await host.Api.GetStringAsync("/api/v1/config"),
            await host.Api.GetStringAsync("/api/v1/audit?take=1000"),
            string.Join("\n", host.Logs.Entries.Select(e => e.Message + e.Exception)),
        };

        Assert.Contains("\"hasSecret\":true", one, StringComparison.Ordinal);
        Assert.Contains("\"secret\":null", one, StringComparison.Ordinal);
        foreach (var text in texts)
        {
            Assert.DoesNotContain(Secret + "-secretive", text, StringComparison.Ordinal);
            Assert.DoesNotContain(password, text, StringComparison.Ordinal);
        }
    }

    private static JsonElement Details(ReceivedWebhook webhook) => webhook.Json.GetProperty("events")[0].GetProperty("details");

    private static string[] Fields(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    private async Task PostAsync(string path, object body)
    {
        using var response = await host.Api.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<JsonElement> ProblemAsync(string path, object body)
    {
        using var response = await host.Api.PostAsJsonAsync(path, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task WaitForHealthAsync(string pool, string health) =>
        await Eventually.TrueAsync(
            async () => (await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/health")).GetProperty("pools").EnumerateArray()
                .Single(p => p.GetProperty("name").GetString() == pool).GetProperty("backends")[0].GetProperty("health").GetString() == health,
            Wait,
            $"pool {pool}'s backend to be {health}");
}
