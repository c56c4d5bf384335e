using Appliance.Engine.Metrics;

namespace Appliance.Engine.Streams;

/// <summary>The streams' families: connections open and counted by result, bytes each way, and whether each listener is up.</summary>
internal sealed class StreamMetrics(StreamStates states) : IMetricsSource
{
    public void Write(PrometheusText text)
    {
        var all = states.All();
        text.Family("appliance_stream_open_connections", "gauge", "Connections each stream is proxying now.");
        foreach (var state in all)
        {
            text.Sample("appliance_stream_open_connections", Stream(state), state.Open);
        }

        text.Family("appliance_stream_connections_total", "counter", "Connections each stream took, by how they ended at accept (accepted, denied, limited, no-destination, failed).");
        foreach (var state in all)
        {
            foreach (var result in StreamResults.All)
            {
                text.Sample("appliance_stream_connections_total", PrometheusText.Join(Stream(state), PrometheusText.Label("result", result)), state.Count(result));
            }
        }

        text.Family("appliance_stream_bytes_total", "counter", "Bytes each stream carried: in from clients to backends, out from backends to clients.");
        foreach (var state in all)
        {
            text.Sample("appliance_stream_bytes_total", PrometheusText.Join(Stream(state), PrometheusText.Label("direction", "in")), state.BytesIn);
            text.Sample("appliance_stream_bytes_total", PrometheusText.Join(Stream(state), PrometheusText.Label("direction", "out")), state.BytesOut);
        }

        text.Family("appliance_stream_listener_up", "gauge", "1 while a stream takes connections (its port is bound, or it passes TLS through by SNI), 0 while its port cannot be bound.");
        foreach (var state in all)
        {
            text.Sample("appliance_stream_listener_up", Stream(state), state.Listener is StreamListenerStates.Listening or StreamListenerStates.Passthrough ? 1 : 0);
        }
    }

    private static string Stream(StreamState state) => PrometheusText.Label("stream", state.Name);
}
