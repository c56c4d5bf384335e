using System.Net;
using System.Net.Sockets;
using Appliance.Engine.Health;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Appliance.Engine.Tests.Health;

public sealed class ProbeFailureReasonTests
{
    private static readonly DestinationState Backend = new("http://a");

    [Fact]
    public void A_failed_probe_is_described_in_a_few_words_without_the_exception()
    {
        using var unavailable = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("status 503", Reason(unavailable, null));
        Assert.Equal("connection refused", Reason(null, new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.Equal("timed out", Reason(null, new TaskCanceledException("The operation was canceled.")));
        Assert.Equal("name not resolved", Reason(null, new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known")));
        Assert.Equal("connection closed before an answer", Reason(null, new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.")));
        Assert.Equal("first line", Reason(null, new InvalidOperationException("first line\n   at Somewhere()")));
        Assert.Equal("no answer", Reason(null, null));
    }

    private static string Reason(HttpResponseMessage? response, Exception? exception) =>
        ProbeFailureReason.Of(new DestinationProbingResult(Backend, response, exception));
}
