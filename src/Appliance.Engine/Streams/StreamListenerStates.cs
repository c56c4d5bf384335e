namespace Appliance.Engine.Streams;

/// <summary>What a stream's listener is doing, as the dashboard and <c>appliance_stream_listener_up</c> show it.</summary>
public static class StreamListenerStates
{
    /// <summary>Bound to its port and accepting.</summary>
    public const string Listening = "Listening";

    /// <summary>Takes its connections from the HTTPS port by server name: nothing of its own to bind.</summary>
    public const string Passthrough = "Passthrough";

    /// <summary>Its port could not be bound (taken by another program, not permitted); retried every few seconds.</summary>
    public const string Failed = "Failed";

    /// <summary>Not started yet, or the data plane stopped.</summary>
    public const string Stopped = "Stopped";
}
