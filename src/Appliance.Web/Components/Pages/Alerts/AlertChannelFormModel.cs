using Appliance.Data.Model;
using Appliance.Web.Components.Shared;

namespace Appliance.Web.Components.Pages.Alerts;

/// <summary>
/// The channel form's editable state: the channel it was opened with (a new one is a webhook),
/// changed only in the fields shown; see <see cref="FormModel{TSpec}"/>. Secrets are write-only:
/// the fields start empty, an empty field keeps the stored secret, and "remove" sends "".
/// </summary>
public sealed class AlertChannelFormModel : FormModel<AlertChannelSpec>
{
    public const string Webhook = "Webhook";
    public const string Email = "Email";

    public AlertChannelFormModel()
        : base(new AlertChannelSpec { Webhook = new WebhookChannelSpec() })
    {
    }

    /// <summary>A form for <paramref name="channel"/> as stored.</summary>
    public AlertChannelFormModel(AlertChannelSpec channel)
        : base(channel)
    {
    }

    public string Name { get => Spec.Name; set => Spec = Spec with { Name = value }; }

    /// <summary>Webhook or e-mail; switching keeps nothing of the other kind's settings.</summary>
    public string Type
    {
        get => Spec.Email is not null ? Email : Webhook;
        set => Spec = value == Email
            ? Spec with { Webhook = null, Email = Spec.Email ?? new EmailChannelSpec() }
            : Spec with { Email = null, Webhook = Spec.Webhook ?? new WebhookChannelSpec() };
    }

    public string Url { get => HookSpec.Url; set => HookSpec = HookSpec with { Url = value }; }

    /// <summary>A new secret; empty keeps the stored one.</summary>
    public string Secret { get => HookSpec.Secret ?? ""; set => HookSpec = HookSpec with { Secret = NewSecret(value, RemoveSecret) }; }

    public bool HasSecret => HookSpec.HasSecret;

    public bool RemoveSecret { get => HookSpec.Secret == ""; set => HookSpec = HookSpec with { Secret = value ? "" : null }; }

    public string Host { get => MailSpec.Host; set => MailSpec = MailSpec with { Host = value }; }

    public int Port { get => MailSpec.Port; set => MailSpec = MailSpec with { Port = value }; }

    public string Security { get => MailSpec.Security; set => MailSpec = MailSpec with { Security = value }; }

    public string UserName { get => MailSpec.UserName ?? ""; set => MailSpec = MailSpec with { UserName = value }; }

    /// <summary>A new password; empty keeps the stored one.</summary>
    public string Password { get => MailSpec.Password ?? ""; set => MailSpec = MailSpec with { Password = NewSecret(value, RemovePassword) }; }

    public bool HasPassword => MailSpec.HasPassword;

    public bool RemovePassword { get => MailSpec.Password == ""; set => MailSpec = MailSpec with { Password = value ? "" : null }; }

    public string From { get => MailSpec.From; set => MailSpec = MailSpec with { From = value }; }

    /// <summary>Recipients, one a line.</summary>
    public string To
    {
        get => string.Join('\n', MailSpec.To);
        set => MailSpec = MailSpec with { To = value.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) };
    }

    private WebhookChannelSpec HookSpec { get => Spec.Webhook ?? new(); set => Spec = Spec with { Webhook = value }; }

    private EmailChannelSpec MailSpec { get => Spec.Email ?? new(); set => Spec = Spec with { Email = value }; }

    // A typed value replaces the secret; clearing the field goes back to keeping it (or removing it, when asked).
    private static string? NewSecret(string typed, bool remove) => typed.Length > 0 ? typed : remove ? "" : null;
}
