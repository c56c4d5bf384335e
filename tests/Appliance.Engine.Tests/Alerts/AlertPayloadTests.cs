using System.Text;
using System.Text.Json;
using Appliance.Data.Model;
using Appliance.Engine.Alerts;

namespace Appliance.Engine.Tests.Alerts;

public sealed class AlertPayloadTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void The_webhook_body_carries_the_event_the_sending_node_the_count_and_each_events_details()
    {
        var alert = new AlertEvent(AlertEvents.BackendDown, "backend web http://a", "Backend http://a of pool web is down", At)
        {
            Node = "node-a",
            Details = new Dictionary<string, string?> { ["pool"] = "web", ["reason"] = "connection refused" },
        };
        var message = AlertPayload.Build(new AlertNotification("ops", ["hook"], alert.Subject, [alert], Grouped: false, At), "hook", "node-a", "d1");

        using var json = JsonDocument.Parse(message.Json);
        var root = json.RootElement;
        Assert.Equal("d1", root.GetProperty("id").GetString());
        Assert.Equal("BackendDown", root.GetProperty("event").GetString());
        Assert.Equal("critical", root.GetProperty("severity").GetString());
        Assert.Equal("node-a", root.GetProperty("node").GetString());
        Assert.Equal("ops", root.GetProperty("rule").GetString());
        Assert.Equal("hook", root.GetProperty("channel").GetString());
        Assert.Equal(1, root.GetProperty("count").GetInt32());
        Assert.False(root.GetProperty("grouped").GetBoolean());
        Assert.False(root.GetProperty("test").GetBoolean());
        Assert.Equal("2026-11-01T10:00:00.0000000Z", root.GetProperty("at").GetString());
        var only = Assert.Single(root.GetProperty("events").EnumerateArray().ToArray());
        Assert.Equal("connection refused", only.GetProperty("details").GetProperty("reason").GetString());
        Assert.Contains("Backend http://a of pool web is down", message.Text, StringComparison.Ordinal);
        Assert.StartsWith("[Appliance] critical:", message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void The_signature_is_the_hex_HMAC_SHA256_of_the_exact_body()
    {
        // RFC 4231-style check with a well-known pair: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
        var signature = WebhookSignature.Compute("key", Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog"));

        Assert.Equal("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", signature);
    }
}
