using Appliance.Data.Cluster;
using Appliance.Data.Model;
using Appliance.Engine.Alerts;
using Appliance.Web.Components.Pages.Alerts;
using Bunit;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;

namespace Appliance.Web.Tests.Components.Alerts;

public sealed class AlertFormsTests : FormContext, IClassFixture<ConfigDatabase>
{
    public AlertFormsTests(ConfigDatabase database)
        : base(database)
    {
        // What the page shows beside the forms; deliveries go nowhere here.
        var board = new AlertChannelStatusBoard();
        var delivery = new AlertDelivery([], board, new AlertOptions(), new NodeIdentity("node-a"), TimeProvider.System, NullLogger<AlertDelivery>.Instance);
        Services.AddSingleton(board);
        Services.AddSingleton(new AlertChannelTester(database.Store, delivery, new NodeIdentity("node-a"), TimeProvider.System));
    }

    [Fact]
    public async Task A_viewer_sees_channels_and_rules_but_no_form_and_no_send_test()
    {
        var name = UniqueName("seen");
        Assert.True((await Database.Store.AlertChannels.CreateAsync(new AlertChannelSpec { Name = name, Webhook = new WebhookChannelSpec { Url = "https://hooks.example.com/seen" } }, "test")).Succeeded);
        await SignInAsync(UniqueName("viewer"), ApplianceRoles.Viewer);

        var page = Render<AlertsPage>();

        Assert.Single(page.FindAll($"tr[data-channel='{name}']"));
        Assert.Empty(page.FindAll("[data-testid=alert-channel-form]"));
        Assert.Empty(page.FindAll("[data-testid=alert-rule-form]"));
        Assert.Empty(page.FindAll($"button[aria-label='Send a test to channel {name}']"));
        Assert.Empty(page.FindAll($"button[aria-label='Delete channel {name}']"));
    }

    [Fact]
    public async Task A_webhook_channel_shows_the_stores_messages_by_field_and_a_good_one_is_saved_with_its_secret_write_only()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("hook");
        AlertChannelSpec? saved = null;
        var form = Render<AlertChannelForm>(p => p.Add(f => f.Saved, (AlertChannelSpec c) => saved = c));

        form.Find("#channel-name").Change(name);
        form.Find("#channel-url").Change("hooks.example.com");
        form.Find("#channel-secret").Change("short");
        form.Find("[data-testid=save-channel]").Click();
        form.WaitForAssertion(() => Assert.Contains("Use an absolute http:// or https:// URL", form.Find("[data-testid=alert-channel-form]").TextContent));
        Assert.Contains("Use 16 to 256 characters", form.Find("[data-testid=alert-channel-form]").TextContent, StringComparison.Ordinal);
        Assert.Null(await Database.Store.AlertChannels.GetAsync(name));

        form.Find("#channel-url").Change("https://hooks.example.com/appliance");
        form.Find("#channel-secret").Change("a-long-enough-signing-secret");
        form.Find("[data-testid=save-channel]").Click();
        form.WaitForAssertion(() => Assert.NotNull(saved));
        var stored = (await Database.Store.AlertChannels.GetAsync(name))!;
        Assert.Equal("https://hooks.example.com/appliance", stored.Webhook!.Url);
        Assert.True(stored.Webhook.HasSecret);

        // Opened again, the secret is not shown, and saving leaves it as it was.
        var edit = Render<AlertChannelForm>(p => p.Add(f => f.Channel, stored).Add(f => f.Saved, (AlertChannelSpec c) => saved = c));
        Assert.True(string.IsNullOrEmpty(edit.Find("#channel-secret").GetAttribute("value")));
        Assert.Contains("A secret is set; leave empty to keep it.", edit.Markup, StringComparison.Ordinal);
        saved = null;
        edit.Find("[data-testid=save-channel]").Click();
        edit.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(stored.Webhook.ProtectedSecret, (await Database.Store.AlertChannels.GetAsync(name))!.Webhook!.ProtectedSecret);
    }

    [Fact]
    public async Task An_email_channel_is_chosen_in_the_form_and_its_recipients_are_checked_one_by_one()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("mail");
        AlertChannelSpec? saved = null;
        var form = Render<AlertChannelForm>(p => p.Add(f => f.Saved, (AlertChannelSpec c) => saved = c));

        form.Find("#channel-name").Change(name);
        var kind = form.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Kind");
        await form.InvokeAsync(() => kind.Instance.ValueChanged.InvokeAsync(AlertChannelFormModel.Email));
        form.WaitForElement("#channel-host");
        form.Find("#channel-host").Change("smtp.example.com");
        form.Find("#channel-from").Change("appliance@example.com");
        form.Find("#channel-to").Change("ops@example.com\nnot an address");
        form.Find("#channel-user").Change("alerts");
        form.Find("[data-testid=save-channel]").Click();

        form.WaitForAssertion(() => Assert.Contains("'not an address' is not an e-mail address.", form.Find("[data-testid=alert-channel-form]").TextContent));
        Assert.Contains($"A password is required to sign in as 'alerts'.", form.Find("[data-testid=alert-channel-form]").TextContent, StringComparison.Ordinal);

        form.Find("#channel-to").Change("ops@example.com\noncall@example.com");
        form.Find("#channel-password").Change("smtp password");
        form.Find("[data-testid=save-channel]").Click();
        form.WaitForAssertion(() => Assert.NotNull(saved));
        var stored = (await Database.Store.AlertChannels.GetAsync(name))!.Email!;
        Assert.Equal(["ops@example.com", "oncall@example.com"], stored.To);
        Assert.Equal((587, EmailSecurity.StartTls, "alerts", true), (stored.Port, stored.Security, stored.UserName, stored.HasPassword));
    }

    [Fact]
    public async Task A_rule_needs_an_event_and_a_channel_and_saves_the_ones_ticked()
    {
        await SignInAsync();
        var channel = UniqueName("ch");
        Assert.True((await Database.Store.AlertChannels.CreateAsync(new AlertChannelSpec { Name = channel, Webhook = new WebhookChannelSpec { Url = "https://hooks.example.com/x" } }, "test")).Succeeded);
        var name = UniqueName("rule");
        AlertRuleSpec? saved = null;
        var form = Render<AlertRuleForm>(p => p.Add(f => f.Channels, [channel]).Add(f => f.Saved, (AlertRuleSpec r) => saved = r));

        form.Find("#rule-name").Change(name);
        form.Find("[data-testid=save-rule]").Click();
        form.WaitForAssertion(() => Assert.Equal("Name at least one event.", form.Find("[data-testid=rule-events-error]").TextContent));
        Assert.Equal("Name at least one channel.", form.Find("[data-testid=rule-channels-error]").TextContent);

        form.Find("[data-event=BackendDown] input").Change(true);
        form.Find("[data-event=CertificateExpiring] input").Change(true);
        form.Find($"[data-channel={channel}] input").Change(true);
        form.Find("#rule-days").Change("30");
        form.Find("#rule-group").Change("0");
        form.Find("[data-testid=save-rule]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        var stored = (await Database.Store.AlertRules.GetAsync(name))!;
        Assert.Equal([AlertEvents.BackendDown, AlertEvents.CertificateExpiring], stored.Events);
        Assert.Equal([channel], stored.Channels);
        Assert.Equal((30, 0, true), (stored.ExpiringWithinDays, stored.GroupMinutes, stored.Enabled));
    }
}
