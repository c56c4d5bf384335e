using System.Diagnostics;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Mirroring;

/// <summary>
/// One copy on its way to the shadow, detached from the client's request: queued on the thread pool
/// without the request's execution context (no request cancellation, activity or scope follows it),
/// bounded by its own timeout, its answer read to the end and thrown away, and its slot given back
/// whatever happens.
/// </summary>
internal sealed class MirrorCopy(MirrorDispatcher dispatcher, MirrorRouteCounters counters, ClusterState shadow, DestinationState destination, MirroredRequest request, byte[]? body)
    : IThreadPoolWorkItem
{
    public void Execute() => _ = SendAsync();

    private async Task SendAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(dispatcher.Stopping);
        timeout.CancelAfter(dispatcher.Timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var model = shadow.Model;
            using var message = request.ToMessage(destination.Model.Config.Address, body, model.Config.HttpRequest);
            using var response = await model.HttpClient.SendAsync(message, timeout.Token);
            await response.Content.CopyToAsync(Stream.Null, timeout.Token);
            counters.CountAnswer(dispatcher.Now(), (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception) when (dispatcher.Stopping.IsCancellationRequested)
        {
            // The data plane is stopping: the copy is abandoned, not the shadow's failure.
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            counters.CountFailed(MirrorFailure.Timeout);
        }
        catch (Exception ex)
        {
            counters.CountFailed(MirrorFailure.Transport);
            dispatcher.CopyFailed(request, destination, ex);
        }
        finally
        {
            dispatcher.Release();
        }
    }
}
