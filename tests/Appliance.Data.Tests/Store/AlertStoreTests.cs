using Appliance.Data.Model;
using Appliance.Data.Secrets;
using Appliance.Data.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Store;

// Channel secrets are write-only: encrypted before they are stored, never in a spec that leaves the
// store, an export or an audit entry, kept when a channel is saved without them.
public sealed class AlertStoreTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private const string Secret = "a-webhook-signing-secret-0123";
    private const string Password = "smtp password 42";

    [Fact]
    public async Task A_webhook_secret_is_stored_encrypted_and_no_answer_export_or_audit_entry_carries_it()
    {
        var created = await fixture.Store.AlertChannels.CreateAsync(Hook("enc") with { Webhook = new WebhookChannelSpec { Url = "https://hooks.example.com/a", Secret = Secret } }, "ops");

        Assert.True(created.Succeeded);
        Assert.Null(created.Value!.Webhook!.Secret);
        Assert.True(created.Value.Webhook.HasSecret);
        var stored = await RawSecretAsync("enc");
        Assert.NotNull(stored);
        Assert.DoesNotContain(Secret, stored, StringComparison.Ordinal);
        Assert.Equal(Secret, fixture.Services.GetRequiredService<ConfigSecretProtector>().Unprotect(stored));

        var read = await fixture.Store.AlertChannels.GetAsync("enc");
        Assert.DoesNotContain(Secret, ConfigJson.Serialize(read), StringComparison.Ordinal);
        Assert.Contains("\"hasSecret\":true", ConfigJson.Serialize(read), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, ConfigJson.Serialize(await fixture.Store.ExportAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain(stored, ConfigJson.Serialize(await fixture.Store.ExportAsync()), StringComparison.Ordinal);
        var audit = await fixture.Services.GetRequiredService<Appliance.Data.Auditing.AuditLog>().GetLatestAsync(1000);
        Assert.Contains(audit, a => a.EntityType == "alert-channel" && a.EntityName == "enc");
        Assert.All(audit, a => Assert.DoesNotContain(Secret, a.After ?? "", StringComparison.Ordinal));
        Assert.All(audit, a => Assert.DoesNotContain(stored, a.After ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Saving_without_a_secret_keeps_it_an_empty_one_removes_it_and_a_new_one_replaces_it()
    {
        Assert.True((await fixture.Store.AlertChannels.CreateAsync(Hook("keep") with { Webhook = new WebhookChannelSpec { Url = "https://hooks.example.com/a", Secret = Secret } }, "ops")).Succeeded);
        var first = await RawSecretAsync("keep");

        var kept = await fixture.Store.AlertChannels.UpdateAsync("keep", (await fixture.Store.AlertChannels.GetAsync("keep"))! with { Webhook = new WebhookChannelSpec { Url = "https://hooks.example.com/b", HasSecret = true } }, "ops");
        Assert.True(kept.Succeeded);
        Assert.Equal(first, await RawSecretAsync("keep"));

        Assert.True((await fixture.Store.AlertChannels.UpdateAsync("keep", Hook("keep") with { Webhook = new WebhookChannelSpec { Url = "https://hooks.example.com/b", Secret = "another-secret-of-length" } }, "ops")).Succeeded);
        var replaced = await RawSecretAsync("keep");
        Assert.Equal("another-secret-of-length", fixture.Services.GetRequiredService<ConfigSecretProtector>().Unprotect(replaced!));

        var removed = await fixture.Store.AlertChannels.UpdateAsync("keep", Hook("keep") with { Webhook = new WebhookChannelSpec { Url = "https://hooks.example.com/b", Secret = "" } }, "ops");
        Assert.False(removed.Value!.Webhook!.HasSecret);
        Assert.Null(await RawSecretAsync("keep"));
    }

    [Fact]
    public async Task A_secret_of_the_wrong_length_is_refused_on_its_field()
    {
        var result = await fixture.Store.AlertChannels.CreateAsync(Hook("short") with { Webhook = new WebhookChannelSpec { Url = "https://hooks.example.com/a", Secret = "short" } }, "ops");

        Assert.Equal(StoreStatus.Invalid, result.Status);
        Assert.Equal(["webhook.secret"], result.Errors.Keys);
    }

    [Fact]
    public async Task An_smtp_password_is_write_only_like_a_webhook_secret()
    {
        var mail = new AlertChannelSpec
        {
            Name = "mail",
            Email = new EmailChannelSpec { Host = "127.0.0.1", Port = 2525, Security = EmailSecurity.None, UserName = "ops", Password = Password, From = "a@example.com", To = ["b@example.com"] },
        };
        var created = await fixture.Store.AlertChannels.CreateAsync(mail, "ops");

        Assert.True(created.Succeeded, string.Join(" ", created.Errors.SelectMany(e => e.Value)));
        Assert.Null(created.Value!.Email!.Password);
        Assert.True(created.Value.Email.HasPassword);
        Assert.Equal(Password, fixture.Services.GetRequiredService<ConfigSecretProtector>().Unprotect((await RawSecretAsync("mail"))!));
        Assert.DoesNotContain(Password, ConfigJson.Serialize(await fixture.Store.ExportAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exported_channel_with_a_secret_imported_where_none_is_stored_asks_for_it_again()
    {
        var document = new ConfigDocument
        {
            Pools = [],
            Routes = [],
            AlertChannels = [Hook("elsewhere") with { Webhook = new WebhookChannelSpec { Url = "https://hooks.example.com/a", HasSecret = true } }],
        };

        var result = await fixture.Store.ImportAsync(document, "ops");

        Assert.Equal(StoreStatus.Invalid, result.Status);
        Assert.Contains("send it again", result.Errors["alertChannels[0].webhook.secret"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_a_rule_sends_to_cannot_be_deleted_and_a_rule_cannot_name_a_missing_channel()
    {
        Assert.True((await fixture.Store.AlertChannels.CreateAsync(Hook("used"), "ops")).Succeeded);
        Assert.True((await fixture.Store.AlertRules.CreateAsync(new AlertRuleSpec { Name = "uses", Events = [AlertEvents.BackendDown], Channels = ["used"] }, "ops")).Succeeded);

        var delete = await fixture.Store.AlertChannels.DeleteAsync("used", "ops");
        Assert.Equal(StoreStatus.Conflict, delete.Status);
        Assert.Contains("alert rule 'uses'", delete.Detail, StringComparison.Ordinal);

        var missing = await fixture.Store.AlertRules.CreateAsync(new AlertRuleSpec { Name = "dangling", Events = [AlertEvents.BackendDown], Channels = ["nowhere"] }, "ops");
        Assert.Equal("There is no alert channel named 'nowhere'.", missing.Errors["channels[0]"][0]);
    }

    [Fact]
    public async Task Channels_and_rules_go_through_export_and_import_with_their_secrets_kept_by_name()
    {
        Assert.True((await fixture.Store.AlertChannels.CreateAsync(Hook("round") with { Webhook = new WebhookChannelSpec { Url = "https://hooks.example.com/r", Secret = Secret } }, "ops")).Succeeded);
        Assert.True((await fixture.Store.AlertRules.CreateAsync(new AlertRuleSpec { Name = "round", Events = [AlertEvents.ConfigChanged], Channels = ["round"], GroupMinutes = 0 }, "ops")).Succeeded);
        var before = await RawSecretAsync("round");
        var exported = await fixture.Store.ExportAsync();

        var imported = await fixture.Store.ImportAsync(ConfigJson.Deserialize<ConfigDocument>(ConfigJson.Serialize(exported))!, "ops");

        Assert.True(imported.Succeeded, string.Join(" ", imported.Errors.SelectMany(e => e.Value)));
        Assert.Equal(before, await RawSecretAsync("round"));
        Assert.Equal(0, (await fixture.Store.AlertRules.GetAsync("round"))!.GroupMinutes);
    }

    private static AlertChannelSpec Hook(string name) => new() { Name = name, Webhook = new WebhookChannelSpec { Url = "https://hooks.example.com/" + name } };

    private async Task<string?> RawSecretAsync(string name)
    {
        var contexts = fixture.Services.GetRequiredService<IDbContextFactory<ApplianceDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.AlertChannels.Where(c => c.Name == name).Select(c => c.ProtectedSecret).SingleAsync();
    }
}
