namespace Appliance.Engine.DataPlane;

/// <summary>
/// How the data plane moves bytes, bound from <c>Appliance:Proxy:Transport</c>. Each setting is a
/// switch measured with <c>bench/profile.sh</c> and <c>bench/proxy.sh</c>; only inline socket
/// completions paid, and are on by default; the rest default to what .NET, Kestrel and YARP do.
/// </summary>
public sealed class TransportOptions
{
    /// <summary>
    /// Runs socket completions on the thread that polls the sockets instead of queueing them to
    /// the thread pool (<c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1</c>): fewer thread hops per
    /// request. The runtime reads it once, before the first socket, so it holds for the whole
    /// process (admin site and backend connections too); the variable set outside wins. Measured on
    /// by default: +5 to 11 % requests/s and −10 % CPU per request on 1 KiB and 64 KiB proxied
    /// (bench/README.md). Work done right after a socket read (YARP's copy loop) then runs on the
    /// polling thread, as in nginx's event loop; on-the-fly compression hops to the thread pool
    /// (<see cref="Compression.CompressingResponseBodyFeature"/>) so as not to hold that thread.
    /// </summary>
    public bool InlineSocketCompletions { get; set; } = true;

    /// <summary>
    /// Kestrel's <c>UnsafePreferInlineScheduling</c> for the data plane's listeners only: request
    /// processing continues on the IO thread instead of being queued. Pays only with
    /// <see cref="InlineSocketCompletions"/>; anything that blocks stalls other connections.
    /// </summary>
    public bool InlineScheduling { get; set; }

    /// <summary>Kestrel's socket IO queues for the data plane; unset: Kestrel's own (the processor count, at most 16).</summary>
    [AtLeast(1)]
    public int? IOQueueCount { get; set; }

    /// <summary>Seconds an idle connection to a backend stays in the pool; unset: .NET's (60).</summary>
    [AtLeast(1)]
    public int? BackendIdleTimeoutSeconds { get; set; }

    /// <summary>Most connections to one backend at once, for pools that set none; unset: no limit.</summary>
    [AtLeast(1)]
    public int? BackendMaxConnectionsPerServer { get; set; }

    /// <summary>
    /// Whether the backend client writes W3C trace headers from the current activity (YARP's
    /// default). The appliance starts no activity of its own, so off only skips .NET's diagnostics
    /// handler on every request; a client's own <c>traceparent</c> is forwarded either way.
    /// </summary>
    public bool PropagateTraceContext { get; set; }
}
