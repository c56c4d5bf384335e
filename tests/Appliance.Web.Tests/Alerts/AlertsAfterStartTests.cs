using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Alerts;

// A fresh appliance of its own: what is changed right after it starts is news, not history.
public sealed class AlertsAfterStartTests(AlertsHost host) : IClassFixture<AlertsHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Changes_right_after_the_start_and_a_certificate_close_to_expiry_are_sent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await PostAsync("/api/v1/alerts/channels", new { name = "fresh", webhook = new { url = receiver.Url + "/fresh" } });
        await PostAsync("/api/v1/alerts/rules", new { name = "fresh", events = new[] { "ConfigChanged", "CertificateExpiring" }, channels = new[] { "fresh" }, expiringWithinDays = 14, groupMinutes = 0 });
        var (pem, key) = Tls.TestCertificates.Issue(["soon.example.test"], notAfter: DateTimeOffset.UtcNow.AddDays(5).AddHours(1));
        await PostAsync("/api/v1/certificates", new { name = "soon", pem, key });

        await Eventually.TrueAsync(() => receiver.Of("/hook/fresh", "ConfigChanged").Any(r => EntityName(r) == "soon"), Wait, "the certificate upload as a configuration change");
        Assert.Contains(receiver.Of("/hook/fresh", "ConfigChanged"), r => EntityName(r) == "fresh");
        await Eventually.TrueAsync(() => receiver.Of("/hook/fresh", "CertificateExpiring").Count == 1, Wait, "the certificate's expiry warning");
        var expiring = receiver.Of("/hook/fresh", "CertificateExpiring").Single().Json;
        Assert.Equal("warning", expiring.GetProperty("severity").GetString());
        Assert.Equal(5, expiring.GetProperty("events")[0].GetProperty("daysLeft").GetInt32());
        Assert.Equal("soon", expiring.GetProperty("events")[0].GetProperty("details").GetProperty("certificate").GetString());
        Assert.StartsWith("Certificate soon expires in 5 day(s)", expiring.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    private static string? EntityName(ReceivedWebhook webhook) =>
        webhook.Json.GetProperty("events")[0].GetProperty("details").GetProperty("entityName").GetString();

    private async Task PostAsync(string path, object body)
    {
        using var response = await host.Api.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
