using Appliance.Data.Cluster;
using Appliance.Data.Model;
using Appliance.Data.Store;

namespace Appliance.Engine.Alerts;

/// <summary>
/// "Send test": one notification of the event <see cref="AlertEvents.Test"/> to one stored channel,
/// one attempt, awaited, so that the operator sees at once whether the channel works and why not.
/// </summary>
public sealed class AlertChannelTester(ConfigStore store, AlertDelivery delivery, NodeIdentity node, TimeProvider time)
{
    /// <summary>Null when there is no channel of that name; otherwise the outcome (<see cref="AlertTestResult.Error"/> null when delivered).</summary>
    public async Task<AlertTestResult?> SendTestAsync(string channelName, string actor, CancellationToken cancellationToken = default)
    {
        if (await store.AlertChannels.GetAsync(channelName, cancellationToken) is not { } channel)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var alert = new AlertEvent(AlertEvents.Test, "test", $"Test notification for channel '{channel.Name}', sent by {actor}.", now)
        {
            Node = node.Name,
            Details = new Dictionary<string, string?> { ["actor"] = actor },
        };
        var error = await delivery.DeliverOnceAsync(channel, new AlertNotification("test", [channel.Name], alert.Subject, [alert], Grouped: false, now), cancellationToken);
        return new AlertTestResult(channel.Name, error is null, error);
    }
}
