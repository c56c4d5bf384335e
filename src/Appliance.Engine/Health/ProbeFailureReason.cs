using System.Globalization;
using System.Net.Sockets;
using Yarp.ReverseProxy.Health;

namespace Appliance.Engine.Health;

/// <summary>
/// Why a probe failed, in the few words an operator reads in a log line ("connection refused",
/// "timed out", "status 503"). The exception's stack says nothing about the backend and is left out.
/// </summary>
internal static class ProbeFailureReason
{
    public static string Of(DestinationProbingResult result) => result switch
    {
        { Response: { } response } => "status " + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture),
        { Exception: { } exception } => Of(exception),
        _ => "no answer",
    };

    private static string Of(Exception exception) => exception switch
    {
        // YARP cancels a probe when its timeout passes; nothing else cancels one.
        OperationCanceledException => "timed out",

        // A TCP connect probe's (TcpHealthProber).
        TimeoutException => "timed out",
        SocketException socket => OfSocket(socket.SocketErrorCode),
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } http => http.InnerException is SocketException socket ? OfSocket(socket.SocketErrorCode) : "connection failed",
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "name not resolved",
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => "TLS handshake failed",
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "connection closed before an answer",
        HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse } => "invalid answer",
        _ => FirstLine(exception.Message),
    };

    private static string OfSocket(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.TimedOut => "connection timed out",
        SocketError.ConnectionReset => "connection reset",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.HostDown or SocketError.NetworkDown => "unreachable",
        _ => "connection failed (" + error + ")",
    };

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
