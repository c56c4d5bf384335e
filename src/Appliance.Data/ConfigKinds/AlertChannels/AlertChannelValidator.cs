using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.AlertChannels;

/// <summary>A channel's name, and that it is exactly one of a webhook and an e-mail.</summary>
internal sealed class AlertChannelValidator : IConfigValidator<AlertChannelSpec>
{
    public void Validate(AlertChannelSpec channel, ConfigValidationContext context, ValidationErrors errors)
    {
        NameRule.Check(channel.Name, errors);
        if ((channel.Webhook is null) == (channel.Email is null))
        {
            errors.Add(channel.Webhook is null ? "webhook" : "email", "A channel is a webhook or an e-mail: give exactly one of webhook and email.");
        }
    }
}
