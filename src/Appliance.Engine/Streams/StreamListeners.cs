using System.Net;
using System.Net.Sockets;
using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.Streams;

/// <summary>
/// Keeps the streams' ports as the live configuration says, without a restart: each revision YARP
/// applies (its pools exist then) opens the ports of new streams, closes those of deleted ones and
/// hands changed streams to their open ports. A port that cannot be bound is logged and shown on
/// the dashboard, never fatal, and tried again every few seconds. Also the idle timeout's sweep.
/// </summary>
internal sealed partial class StreamListeners(
    SnapshotStore snapshots,
    StreamStates states,
    StreamProxy proxy,
    StreamConnections connections,
    ProxyOptions options,
    TimeProvider time,
    ILogger<StreamListeners> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryBindAfter = TimeSpan.FromSeconds(5);

    private readonly Dictionary<int, StreamListener> _listeners = [];
    private readonly Dictionary<int, (string Error, long At)> _failed = [];
    private readonly SemaphoreSlim _changed = new(0);
    private readonly IPNetwork[] _balancers = options.ProxyProtocol.TrustedNetworks();
    private CancellationToken _stopping;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        snapshots.Applied += OnApplied;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await ReconcileAsync(snapshots.Serving.Parts.Get<StreamsPlan>() ?? StreamsPlan.Empty);
                connections.AbortIdle();
                try
                {
                    await _changed.WaitAsync(Tick, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        finally
        {
            snapshots.Applied -= OnApplied;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var listener in _listeners.Values)
        {
            await listener.DisposeAsync();
        }

        _listeners.Clear();
        connections.AbortAll();
        foreach (var state in states.All())
        {
            state.Listener = StreamListenerStates.Stopped;
        }
    }

    private void OnApplied(ProxySnapshot snapshot) => _changed.Release();

    private async Task ReconcileAsync(StreamsPlan plan)
    {
        foreach (var port in _listeners.Keys.Where(p => !plan.ByPort.ContainsKey(p)).ToArray())
        {
            await _listeners[port].DisposeAsync();
            _listeners.Remove(port);
            LogClosed(port);
        }

        foreach (var port in _failed.Keys.Where(p => !plan.ByPort.ContainsKey(p)).ToArray())
        {
            _failed.Remove(port);
        }

        foreach (var stream in plan.Streams)
        {
            var state = states.For(stream.Name);
            if (stream.ListenPort is not { } port)
            {
                (state.Listener, state.ListenerError) = (StreamListenerStates.Passthrough, null);
            }
            else if (_listeners.ContainsKey(port))
            {
                (state.Listener, state.ListenerError) = (StreamListenerStates.Listening, null);
            }
            else
            {
                TryOpen(stream, port, state);
            }
        }

        states.RetainOnly(plan.Streams.Select(s => s.Name));
    }

    private void TryOpen(StreamPlan stream, int port, StreamState state)
    {
        var now = time.GetTimestamp();
        if (_failed.TryGetValue(port, out var failure) && time.GetElapsedTime(failure.At, now) < RetryBindAfter)
        {
            (state.Listener, state.ListenerError) = (StreamListenerStates.Failed, failure.Error);
            return;
        }

        try
        {
            var listener = StreamListener.Open(BindAddress(), port);
            listener.Start(HandleAsync);
            _listeners[port] = listener;
            _failed.Remove(port);
            (state.Listener, state.ListenerError) = (StreamListenerStates.Listening, null);
            LogListening(stream.Name, port);
        }
        catch (SocketException ex)
        {
            var error = ex.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => "the port is in use by another program",
                SocketError.AccessDenied => "binding the port is not permitted (ports below 1024 need privileges)",
                _ => ex.Message,
            };

            // Logged when it first fails, and again only if the reason changes.
            if (!_failed.TryGetValue(port, out var previous) || previous.Error != error)
            {
                LogBindFailed(stream.Name, port, error);
            }

            _failed[port] = (error, now);
            (state.Listener, state.ListenerError) = (StreamListenerStates.Failed, error);
        }
    }

    private IPAddress BindAddress() => options.BindAddress == "*"
        ? (Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any)
        : IPAddress.Parse(options.BindAddress);

    private async Task HandleAsync(Socket socket, int port)
    {
        using (socket)
        {
            // The stream the served revision has on this port: a change is in force for every
            // connection accepted once the revision is live. None when it was just deleted.
            if (snapshots.Serving.Parts.Get<StreamsPlan>()?.ByPort.GetValueOrDefault(port) is not { } plan)
            {
                StreamPump.Reset(socket);
                return;
            }

            try
            {
                socket.NoDelay = true;
                var peer = socket.RemoteEndPoint as IPEndPoint;
                ReadOnlyMemory<byte> early = default;
                if (options.ProxyProtocol.Mode == ProxyProtocol.ProxyProtocolMode.Required)
                {
                    var source = Appliance.Data.Networking.ClientAddresses.NormalizeOrNull(peer?.Address);
                    var header = source is not null && Appliance.Data.Networking.NetworkRanges.Contains(_balancers, source)
                        ? await StreamProxyHeaderReader.ReadAsync(socket, peer!, TimeSpan.FromSeconds(options.Limits.RequestHeadersTimeoutSeconds), _stopping)
                        : null;
                    if (header is not { } known)
                    {
                        states.For(plan.Name).Counted(StreamResults.Denied);
                        StreamPump.Reset(socket);
                        return;
                    }

                    (peer, early) = known;
                }

                await proxy.ProxyAsync(plan, new SocketStreamClient(socket, peer, early), _stopping);
            }
            catch (Exception ex)
            {
                LogConnectionFailed(ex, plan.Name);
            }
        }
    }

    [LoggerMessage(EventId = 3410, Level = LogLevel.Information, Message = "Stream {Stream} listening on port {Port}.")]
    private partial void LogListening(string stream, int port);

    [LoggerMessage(EventId = 3411, Level = LogLevel.Information, Message = "Stream port {Port} closed.")]
    private partial void LogClosed(int port);

    [LoggerMessage(EventId = 3412, Level = LogLevel.Error, Message = "Stream {Stream} cannot listen on port {Port}: {Reason}. Tried again every few seconds; the rest of the data plane is not affected.")]
    private partial void LogBindFailed(string stream, int port, string reason);

    [LoggerMessage(EventId = 3413, Level = LogLevel.Debug, Message = "A connection of stream {Stream} ended with an error.")]
    private partial void LogConnectionFailed(Exception exception, string stream);
}
