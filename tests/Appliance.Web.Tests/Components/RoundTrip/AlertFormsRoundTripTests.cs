using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Alerts;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.RoundTrip;

/// <summary>
/// The alert channel and alert rule forms against a running appliance: an object with every field
/// set through the API, opened in its edit form and saved unchanged, reads back from the API
/// exactly as before (secrets included: they stay stored, not erased by an empty field).
/// </summary>
[Collection(FormRoundTrips.Name)]
public sealed class AlertFormsRoundTripTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task Saving_a_signed_webhook_channel_unchanged_leaves_its_GET_identical()
    {
        var name = UniqueName("hook");
        await PostAsync("/api/v1/alerts/channels", new { name, webhook = new { url = "https://hooks.example.com/appliance?team=ops", secret = "a signing secret of ours" } });

        await SaveUnchangedAsync(name, "hasSecret");
    }

    [Fact]
    public async Task Saving_an_email_channel_with_every_field_set_unchanged_leaves_its_GET_identical()
    {
        var name = UniqueName("mail");
        await PostAsync("/api/v1/alerts/channels", new
        {
            name,
            email = new
            {
                host = "127.0.0.1", // a relay on this host: the only place a password may go without TLS
                port = 2525,
                security = EmailSecurity.None,
                userName = "alerts@example.com",
                password = "an smtp password",
                from = "Appliance <alerts@example.com>",
                to = new[] { "ops@example.com", "oncall@example.com" },
            },
        });

        await SaveUnchangedAsync(name, "hasPassword");
    }

    [Fact]
    public async Task Saving_an_alert_rule_with_every_field_set_unchanged_leaves_its_GET_identical()
    {
        var (channel, other, name) = (UniqueName("first"), UniqueName("second"), UniqueName("rule"));
        await PostAsync("/api/v1/alerts/channels", new { name = channel, webhook = new { url = "https://hooks.example.com/first" } });
        await PostAsync("/api/v1/alerts/channels", new { name = other, webhook = new { url = "https://hooks.example.com/second" } });
        await PostAsync("/api/v1/alerts/rules", new
        {
            name,
            enabled = false,
            events = new[] { AlertEvents.BackendDown, AlertEvents.PoolDown, AlertEvents.CertificateExpiring, AlertEvents.NodeDown },
            channels = new[] { channel, other },
            expiringWithinDays = 30,
            groupMinutes = 0,
        });
        var before = await GetJsonAsync($"/api/v1/alerts/rules/{name}");
        var rule = (await Store.AlertRules.GetAsync(name))!;
        AlertRuleSpec? saved = null;

        var form = Render<AlertRuleForm>(p => p
            .Add(f => f.Rule, rule)
            .Add<IReadOnlyList<string>>(f => f.Channels, [channel, other])
            .Add(f => f.Saved, (AlertRuleSpec r) => saved = r));
        await form.InvokeAsync(() => form.Find("[data-testid=save-rule]").Click());

        form.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(before, await GetJsonAsync($"/api/v1/alerts/rules/{name}"));
    }

    private async Task SaveUnchangedAsync(string name, string storedSecretFlag)
    {
        var before = await GetJsonAsync($"/api/v1/alerts/channels/{name}");
        Assert.Contains($"\"{storedSecretFlag}\":true", before, StringComparison.Ordinal);
        var channel = (await Store.AlertChannels.GetAsync(name))!;
        AlertChannelSpec? saved = null;

        var form = Render<AlertChannelForm>(p => p.Add(f => f.Channel, channel).Add(f => f.Saved, (AlertChannelSpec c) => saved = c));
        await form.InvokeAsync(() => form.Find("[data-testid=save-channel]").Click());

        form.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(before, await GetJsonAsync($"/api/v1/alerts/channels/{name}"));
    }
}
