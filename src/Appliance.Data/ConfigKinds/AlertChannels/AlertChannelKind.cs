using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Secrets;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.AlertChannels;

/// <summary>Alert channels: webhooks and e-mail, each with a write-only secret encrypted with the key ring.</summary>
internal sealed class AlertChannelKind : EntityConfigKind<AlertChannelSpec, AlertChannelEntity>
{
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 256;
    public const int MinPasswordLength = 1;
    public const int MaxPasswordLength = 256;

    public override string Member => "alertChannels";

    public override string EntityType => "alert-channel";

    public override string Noun => "alert channel";

    public override string ShortNoun => "channel";

    public override IReadOnlyList<IConfigValidator<AlertChannelSpec>> Validators { get; } =
        [new AlertChannelValidator(), new WebhookChannelValidator(), new EmailChannelValidator()];

    public override IConfigMapper<AlertChannelSpec, AlertChannelEntity> Mapper { get; } = new AlertChannelMapper();

    public override IReadOnlyList<AlertChannelSpec>? Get(ConfigDocument document) => document.AlertChannels;

    public override ConfigDocument With(ConfigDocument document, IReadOnlyList<AlertChannelSpec> items) => document with { AlertChannels = items };

    public override string NameOf(AlertChannelSpec spec) => spec.Name;

    public override AlertChannelSpec WithName(AlertChannelSpec spec, string name) => spec with { Name = name };

    public override AlertChannelSpec Normalize(AlertChannelSpec spec) => ConfigNormalizer.Normalize(spec);

    // New secrets are encrypted before the store's write lock is taken.
    public override AlertChannelSpec SealSecrets(AlertChannelSpec incoming, ConfigSecretProtector protector) => incoming with
    {
        Webhook = incoming.Webhook is { } webhook
            ? webhook with { NewProtectedSecret = ChannelSecret.Seal(webhook.Secret, MinSecretLength, MaxSecretLength, protector) }
            : null,
        Email = incoming.Email is { } email
            ? email with { NewProtectedPassword = ChannelSecret.Seal(email.Password, MinPasswordLength, MaxPasswordLength, protector) }
            : null,
    };

    // What is stored is the encrypted secret and whether there is one, never the secret itself: the
    // answer, the audit entry and an export are made from this spec.
    public override AlertChannelSpec Prepare(AlertChannelSpec incoming, AlertChannelSpec? stored, ValidationErrors errors) => incoming with
    {
        Webhook = incoming.Webhook is { } webhook ? PrepareWebhook(webhook, stored?.Webhook, errors) : null,
        Email = incoming.Email is { } email ? PrepareEmail(email, stored?.Email, errors) : null,
    };

    public override string? ReferencedBy(ConfigDocument document, string name)
    {
        var rules = document.AlertRules.Where(r => r.Channels?.Contains(name) == true).Select(r => r.Name).ToArray();
        return rules.Length == 0 ? null : $"Alert channel '{name}' is used by alert rule {Quoted(rules)}.";
    }

    private static WebhookChannelSpec PrepareWebhook(WebhookChannelSpec webhook, WebhookChannelSpec? stored, ValidationErrors errors)
    {
        var secret = ChannelSecret.Resolve(
            webhook.Secret, webhook.NewProtectedSecret, webhook.HasSecret, stored?.ProtectedSecret,
            "webhook.secret", "webhook.hasSecret", MinSecretLength, MaxSecretLength, errors);
        return webhook with { Secret = null, NewProtectedSecret = null, ProtectedSecret = secret, HasSecret = secret is not null };
    }

    private static EmailChannelSpec PrepareEmail(EmailChannelSpec email, EmailChannelSpec? stored, ValidationErrors errors)
    {
        var password = ChannelSecret.Resolve(
            email.Password, email.NewProtectedPassword, email.HasPassword, stored?.ProtectedPassword,
            "email.password", "email.hasPassword", MinPasswordLength, MaxPasswordLength, errors);
        return email with { Password = null, NewProtectedPassword = null, ProtectedPassword = password, HasPassword = password is not null };
    }
}
