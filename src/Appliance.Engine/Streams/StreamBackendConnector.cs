using Appliance.Engine.Health;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Streams;

/// <summary>
/// Connects a stream's client to a backend of its pool: one in rotation (the pool's health checks
/// decide, as for its routes), picked by the pool's policy; a backend that refuses, cannot be
/// reached or does not answer within the stream's connect timeout is skipped and the next one
/// tried, each at most once, so a backend that just died costs the client a short delay, not an error.
/// </summary>
internal sealed partial class StreamBackendConnector(IProxyStateLookup proxyState, StreamDestinationPicker picker, ILogger<StreamBackendConnector> logger)
{
    public async Task<BackendConnection> ConnectAsync(StreamPlan plan, CancellationToken cancellationToken)
    {
        if (!proxyState.TryGetCluster(plan.Pool, out var cluster))
        {
            return BackendConnection.NoDestination;
        }

        List<DestinationState>? tried = null;
        while (true)
        {
            var available = cluster.DestinationsState.AvailableDestinations;
            IReadOnlyList<DestinationState> candidates = tried is null ? available : available.Where(d => !tried.Contains(d)).ToArray();
            if (candidates.Count == 0)
            {
                return tried is null ? BackendConnection.NoDestination : BackendConnection.Failed;
            }

            var destination = picker.Pick(cluster, candidates);
            (tried ??= []).Add(destination);
            var address = destination.Model.Config.Address;
            if (BackendEndpoint.Of(address) is not { } endpoint)
            {
                LogConnectFailed(plan.Name, address, "the address names no host and port");
                continue;
            }

            try
            {
                var socket = await TcpConnect.ConnectAsync(endpoint, plan.ConnectTimeout, cancellationToken);
                return new BackendConnection(socket, destination, StreamResults.Accepted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogConnectFailed(plan.Name, address, ex is System.Net.Sockets.SocketException socket ? socket.SocketErrorCode.ToString() : ex.Message);
            }
        }
    }

    [LoggerMessage(EventId = 3401, Level = LogLevel.Warning, Message = "Stream {Stream} could not connect to backend {Backend} ({Reason}); trying the next one.")]
    private partial void LogConnectFailed(string stream, string backend, string reason);
}
