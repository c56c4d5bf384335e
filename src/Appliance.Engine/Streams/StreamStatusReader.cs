using Appliance.Engine.Configuration;

namespace Appliance.Engine.Streams;

/// <summary>The configured streams with their live figures, for the control plane.</summary>
public sealed class StreamStatusReader(SnapshotStore snapshots, StreamStates states)
{
    /// <summary>Every stream of the newest configuration, in name order.</summary>
    public IReadOnlyList<StreamStatus> Read()
    {
        var plan = snapshots.Current.Parts.Get<StreamsPlan>() ?? StreamsPlan.Empty;
        return plan.Streams.Select(stream =>
        {
            var state = states.For(stream.Name);
            var refused = StreamResults.All.Where(r => r != StreamResults.Accepted).Sum(state.Count);
            return new StreamStatus(stream.Name, stream.Listen, stream.Pool, state.Listener, state.ListenerError, state.Open, state.Count(StreamResults.Accepted), refused, state.BytesIn, state.BytesOut);
        }).ToArray();
    }
}
