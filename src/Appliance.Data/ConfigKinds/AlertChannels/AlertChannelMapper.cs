using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Store;

namespace Appliance.Data.ConfigKinds.AlertChannels;

// The settings are the spec's webhook or e-mail member as JSON, written without the secret; the
// encrypted secret has a column of its own and comes back only as the in-process member.
internal sealed class AlertChannelMapper : IConfigMapper<AlertChannelSpec, AlertChannelEntity>
{
    public AlertChannelSpec ToSpec(AlertChannelEntity channel) => channel.Type switch
    {
        AlertChannelTypes.Webhook => new AlertChannelSpec
        {
            Name = channel.Name,
            Webhook = (ConfigJson.Deserialize<WebhookChannelSpec>(channel.SettingsJson) ?? new()) with
            {
                Secret = null,
                HasSecret = channel.ProtectedSecret is not null,
                ProtectedSecret = channel.ProtectedSecret,
            },
        },
        AlertChannelTypes.Email => new AlertChannelSpec
        {
            Name = channel.Name,
            Email = (ConfigJson.Deserialize<EmailChannelSpec>(channel.SettingsJson) ?? new()) with
            {
                Password = null,
                HasPassword = channel.ProtectedSecret is not null,
                ProtectedPassword = channel.ProtectedSecret,
            },
        },
        _ => new AlertChannelSpec { Name = channel.Name },
    };

    public void Apply(AlertChannelSpec spec, AlertChannelEntity channel, ApplianceDbContext db)
    {
        channel.Name = spec.Name;
        if (spec.Webhook is { } webhook)
        {
            channel.Type = AlertChannelTypes.Webhook;
            channel.SettingsJson = ConfigJson.Serialize(webhook with { Secret = null, HasSecret = false });
            channel.ProtectedSecret = webhook.ProtectedSecret;
        }
        else if (spec.Email is { } email)
        {
            channel.Type = AlertChannelTypes.Email;
            channel.SettingsJson = ConfigJson.Serialize(email with { Password = null, HasPassword = false });
            channel.ProtectedSecret = email.ProtectedPassword;
        }
    }
}
