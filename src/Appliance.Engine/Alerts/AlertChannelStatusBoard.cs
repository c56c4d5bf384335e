using System.Collections.Concurrent;

namespace Appliance.Engine.Alerts;

/// <summary>Each channel's delivery figures on this node, in memory, for the API, the Alerts page and <c>/metrics</c>.</summary>
public sealed class AlertChannelStatusBoard
{
    private readonly ConcurrentDictionary<string, AlertChannelStatus> _channels = new(StringComparer.Ordinal);

    /// <summary>Every channel that has had a delivery, by name.</summary>
    public IReadOnlyList<AlertChannelStatus> All => _channels.Values.OrderBy(s => s.Channel, StringComparer.Ordinal).ToArray();

    /// <summary>One channel's figures; zeros when it has had no delivery.</summary>
    public AlertChannelStatus Of(string channel) => _channels.GetValueOrDefault(channel) ?? Empty(channel);

    internal void Sent(string channel, DateTimeOffset at) =>
        _channels.AddOrUpdate(channel, c => Empty(c) with { Sent = 1, LastSentAt = at }, (_, s) => s with { Sent = s.Sent + 1, LastSentAt = at });

    internal void AttemptFailed(string channel, DateTimeOffset at, string error) =>
        _channels.AddOrUpdate(
            channel,
            c => Empty(c) with { FailedAttempts = 1, LastFailureAt = at, LastError = error },
            (_, s) => s with { FailedAttempts = s.FailedAttempts + 1, LastFailureAt = at, LastError = error });

    internal void Failed(string channel) =>
        _channels.AddOrUpdate(channel, c => Empty(c) with { Failed = 1 }, (_, s) => s with { Failed = s.Failed + 1 });

    private static AlertChannelStatus Empty(string channel) => new(channel, 0, 0, 0, null, null, null);
}
