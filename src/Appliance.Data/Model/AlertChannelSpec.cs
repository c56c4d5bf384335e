namespace Appliance.Data.Model;

/// <summary>
/// Where alerts go: a webhook (a JSON POST) or an e-mail (SMTP). A channel has exactly one of the
/// two; rules name channels.
/// </summary>
public sealed record AlertChannelSpec
{
    public string Name { get; init; } = "";

    /// <summary>A JSON POST to a URL, optionally signed.</summary>
    public WebhookChannelSpec? Webhook { get; init; }

    /// <summary>An e-mail through an SMTP server.</summary>
    public EmailChannelSpec? Email { get; init; }
}
