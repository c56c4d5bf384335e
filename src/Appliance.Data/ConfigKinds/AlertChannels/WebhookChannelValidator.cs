using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.AlertChannels;

/// <summary>A webhook's URL: absolute http(s), without credentials, which answers and the audit trail would show.</summary>
internal sealed class WebhookChannelValidator : IConfigValidator<AlertChannelSpec>
{
    public const int MaxUrlLength = 2048;

    public void Validate(AlertChannelSpec channel, ConfigValidationContext context, ValidationErrors errors)
    {
        if (channel.Webhook is not { } webhook)
        {
            return;
        }

        var url = webhook.Url ?? "";
        if (url.Length is 0 or > MaxUrlLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(uri.Host))
        {
            errors.Add("webhook.url", $"Use an absolute http:// or https:// URL of at most {MaxUrlLength} characters, such as https://hooks.example.com/appliance.");
        }
        else if (uri.UserInfo.Length > 0)
        {
            errors.Add("webhook.url", "The URL cannot carry a user name or password: answers and the audit trail show it. Sign the body with a secret instead.");
        }
    }
}
