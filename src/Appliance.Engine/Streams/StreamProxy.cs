using Appliance.Engine.ProxyProtocol;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.Streams;

/// <summary>
/// What happens to every connection a stream takes, from its own port or by server name: the
/// access list decides on the client's address, the connection limit is taken, a backend is
/// connected, the PROXY header goes first when the stream sends one, then bytes flow both ways until
/// both sides have ended. A refused client is closed before any byte goes to a backend.
/// </summary>
internal sealed partial class StreamProxy(
    StreamStates states,
    StreamBackendConnector connector,
    StreamDestinationLoad load,
    StreamConnections connections,
    TimeProvider time,
    ILogger<StreamProxy> logger)
{
    public async Task ProxyAsync(StreamPlan plan, IStreamClient client, CancellationToken cancellationToken)
    {
        var state = states.For(plan.Name);
        if (plan.AccessList is { } list && (client.Remote is not { } remote || !list.Decide(remote.Address).Allowed))
        {
            state.Counted(StreamResults.Denied);
            client.Abort();
            return;
        }

        if (!state.TryOpen(plan.MaxConnections))
        {
            state.Counted(StreamResults.Limited);
            LogLimited(plan.Name, plan.MaxConnections);
            client.Abort();
            return;
        }

        try
        {
            var backend = await connector.ConnectAsync(plan, cancellationToken);
            state.Counted(backend.Result);
            if (backend is not { Socket: { } socket, Destination: { } destination })
            {
                LogNoBackend(plan.Name, plan.Pool, backend.Result);
                client.Abort();
                return;
            }

            load.Opened(destination);
            try
            {
                using var connection = new StreamConnection(plan, state, client, socket, time);
                using var tracked = connections.Add(connection);
                if (plan.SendProxyHeader && client.Remote is { } from && client.Local is { } to)
                {
                    await socket.SendAsync(ProxyHeaderWriter.V2(from, to), System.Net.Sockets.SocketFlags.None, cancellationToken);
                }

                await connection.RunAsync(cancellationToken);
            }
            finally
            {
                load.Closed(destination);
                socket.Dispose();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
            // The data plane stopping, or a backend gone while the header was being sent.
            client.Abort();
        }
        finally
        {
            state.Closed();
        }
    }

    [LoggerMessage(EventId = 3402, Level = LogLevel.Warning, Message = "Stream {Stream} closed a connection: no backend of pool {Pool} could take it ({Result}).")]
    private partial void LogNoBackend(string stream, string pool, string result);

    [LoggerMessage(EventId = 3403, Level = LogLevel.Debug, Message = "Stream {Stream} refused a connection: {Max} are open.")]
    private partial void LogLimited(string stream, int max);
}
