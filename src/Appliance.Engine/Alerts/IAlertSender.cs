using Appliance.Data.Model;

namespace Appliance.Engine.Alerts;

/// <summary>Sends one message over one kind of channel (webhook, e-mail); throws <see cref="AlertDeliveryException"/> (or any exception) when it could not.</summary>
public interface IAlertSender
{
    bool Handles(AlertChannelSpec channel);

    Task SendAsync(AlertChannelSpec channel, AlertMessage message, CancellationToken cancellationToken);
}
