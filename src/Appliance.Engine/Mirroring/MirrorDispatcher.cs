using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Mirroring;

/// <summary>
/// Decides what becomes of a request drawn for mirroring once the primary is done with it, and
/// sends the copies. Nothing here can delay or fail the client's request: slots are taken without
/// waiting, the copy leaves on the thread pool, and every failure is counted, not thrown.
/// </summary>
internal sealed partial class MirrorDispatcher(MirrorMetrics metrics, MirrorOptions options, ShadowDestinations shadows, TimeProvider time, ILogger<MirrorDispatcher> logger)
    : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Cancelled when the data plane stops: copies in flight are abandoned.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public TimeSpan Timeout => options.Timeout;

    /// <summary>Takes a slot for a copy; false when <see cref="MirrorOptions.MaxInFlight"/> copies are in flight.</summary>
    public bool TryReserve() => metrics.TryReserve(options.MaxInFlight);

    public void Release() => metrics.Release();

    public long Now() => time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>
    /// Called when the primary has answered (the forwarder has finished with the request body):
    /// sends the copy if the request was forwarded with its whole body, else counts why not. The
    /// slot the ticket holds is given back here, or by the copy when it is done.
    /// </summary>
    public void Dispatch(HttpContext context, MirrorTicket ticket)
    {
        var handedOver = false;
        try
        {
            handedOver = TrySend(context, ticket);
        }
        catch (Exception ex)
        {
            LogDispatchFailed(ticket.Mirror.RouteName, ex);
        }
        finally
        {
            ticket.Body?.Release();
            if (!handedOver)
            {
                Release();
            }
        }
    }

    public void CopyFailed(MirroredRequest request, DestinationState destination, Exception ex) =>
        LogCopyFailed(request.Method.Method, destination.Model.Config.Address, ex.GetBaseException().Message);

    // Cancelled, never disposed: a copy finishing after the data plane stopped still reads the token.
    public void Dispose() => _stopping.Cancel();

    private bool TrySend(HttpContext context, MirrorTicket ticket)
    {
        // Never forwarded: answered by an error page, or no backend of the primary pool was in rotation.
        if (ticket.Request is not { } request)
        {
            return false;
        }

        var counters = ticket.Counters;
        byte[]? body = null;
        if (request.HasBody)
        {
            switch (ticket.Body?.State)
            {
                case MirrorBodyState.Complete:
                    body = ticket.Body.ToArray();
                    break;
                case MirrorBodyState.TooLarge:
                    counters.CountSkipped(MirrorSkipReason.BodyTooLarge);
                    return false;
                default:
                    counters.CountSkipped(MirrorSkipReason.BodyIncomplete);
                    return false;
            }
        }

        if (shadows.Pick(ticket.Mirror.Pool!, context) is not { } picked)
        {
            counters.CountFailed(MirrorFailure.NoBackend);
            return false;
        }

        var (shadow, destination) = picked;

        counters.CountSent();
        ThreadPool.UnsafeQueueUserWorkItem(new MirrorCopy(this, counters, shadow, destination, request, body), preferLocal: false);
        return true;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Mirrored {Method} to {Backend} got no answer: {Reason}")]
    private partial void LogCopyFailed(string method, string backend, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "A copy of a request on route {Route} could not be prepared; the client's request was not affected.")]
    private partial void LogDispatchFailed(string route, Exception ex);
}
