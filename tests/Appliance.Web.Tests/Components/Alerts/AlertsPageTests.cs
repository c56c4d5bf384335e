using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Alerts;
using Appliance.Web.Tests.Alerts;
using Appliance.Web.Tests.Components.RoundTrip;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.Alerts;

// The page sends its tests through a running appliance's delivery, to a real receiver.
[Collection(FormRoundTrips.Name)]
public sealed class AlertsPageTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task Send_test_delivers_and_the_channel_row_counts_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var name = UniqueName("page");
        await PostAsync("/api/v1/alerts/channels", new { name, webhook = new { url = receiver.Url + "/page" } });
        var page = Render<AlertsPage>();

        page.Find($"button[aria-label='Send a test to channel {name}']").Click();

        page.WaitForAssertion(() => Assert.Single(receiver.Of("/hook/page", AlertEvents.Test)));
        page.WaitForAssertion(() => Assert.Equal("1", page.Find($"tr[data-channel='{name}'] [data-delivered]").TextContent));
        Assert.Equal("—", page.Find($"tr[data-channel='{name}'] [data-last-error]").TextContent);
    }

    [Fact]
    public async Task Saving_a_channel_and_a_rule_set_through_the_API_unchanged_leaves_their_GET_identical()
    {
        var channel = UniqueName("full");
        await PostAsync("/api/v1/alerts/channels", new
        {
            name = channel,
            email = new { host = "127.0.0.1", port = 2525, security = "None", userName = "ops", password = "a stored password", from = "a@example.com", to = new[] { "b@example.com", "c@example.com" } },
        });
        var rule = UniqueName("full");
        await PostAsync("/api/v1/alerts/rules", new { name = rule, enabled = false, events = new[] { "NodeDown", "BackendUp" }, channels = new[] { channel }, expiringWithinDays = 3, groupMinutes = 17 });
        var channelBefore = await GetJsonAsync($"/api/v1/alerts/channels/{channel}");
        var ruleBefore = await GetJsonAsync($"/api/v1/alerts/rules/{rule}");
        AlertChannelSpec? savedChannel = null;
        AlertRuleSpec? savedRule = null;

        var storedChannel = (await Store.AlertChannels.GetAsync(channel))!;
        var storedRule = (await Store.AlertRules.GetAsync(rule))!;
        var channelForm = Render<AlertChannelForm>(p => p.Add(f => f.Channel, storedChannel).Add(f => f.Saved, (AlertChannelSpec c) => savedChannel = c));
        channelForm.Find("[data-testid=save-channel]").Click();
        var ruleForm = Render<AlertRuleForm>(p => p.Add(f => f.Rule, storedRule).Add(f => f.Channels, [channel]).Add(f => f.Saved, (AlertRuleSpec r) => savedRule = r));
        ruleForm.Find("[data-testid=save-rule]").Click();

        channelForm.WaitForAssertion(() => Assert.NotNull(savedChannel));
        ruleForm.WaitForAssertion(() => Assert.NotNull(savedRule));
        Assert.Equal(channelBefore, await GetJsonAsync($"/api/v1/alerts/channels/{channel}"));
        Assert.Equal(ruleBefore, await GetJsonAsync($"/api/v1/alerts/rules/{rule}"));
    }
}
