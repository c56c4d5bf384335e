namespace Appliance.Data.ConfigKinds.AlertChannels;

/// <summary>What the <c>Type</c> column says a channel's settings are.</summary>
internal static class AlertChannelTypes
{
    public const string Webhook = "Webhook";
    public const string Email = "Email";
}
