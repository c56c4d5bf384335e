namespace Appliance.Engine.Streams;

/// <summary>How a stream's connection attempt ended at accept: the <c>result</c> label of <c>appliance_stream_connections_total</c>.</summary>
internal static class StreamResults
{
    /// <summary>Connected to a backend and proxied.</summary>
    public const string Accepted = "accepted";

    /// <summary>Refused by the stream's access list (or, behind a balancer, without a valid PROXY header).</summary>
    public const string Denied = "denied";

    /// <summary>Refused because the stream had its maximum of connections open.</summary>
    public const string Limited = "limited";

    /// <summary>The pool had no backend in rotation.</summary>
    public const string NoDestination = "no-destination";

    /// <summary>Every backend tried refused, timed out or could not be reached.</summary>
    public const string Failed = "failed";

    public static IReadOnlyList<string> All { get; } = [Accepted, Denied, Limited, NoDestination, Failed];
}
