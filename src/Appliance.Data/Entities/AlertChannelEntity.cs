namespace Appliance.Data.Entities;

// An alert channel: its kind, its settings as JSON (without the secret) and the secret, encrypted
// with the key ring, in a column of its own, so that the settings can be read and shown without it.
internal sealed class AlertChannelEntity : INamedEntity
{
    public int Id { get; set; }
    public string Name { get; set; } = "";

    // "Webhook" or "Email": which member of the spec the settings are.
    public string Type { get; set; } = "";

    public string SettingsJson { get; set; } = "{}";

    // The webhook's signing secret or the SMTP password, encrypted; null when there is none.
    public string? ProtectedSecret { get; set; }
}
