using System.Net.Sockets;
using Appliance.Data.Cluster;
using Appliance.Data.Model;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.Alerts;

/// <summary>
/// Sends one notification to one channel: each attempt with its own timeout, failed attempts retried
/// after <see cref="AlertOptions.RetrySeconds"/>, doubling, up to <see cref="AlertOptions.MaxAttempts"/>;
/// every outcome counted on the channel's status. Failures are logged by channel name and reason
/// only: never a URL, a secret or a password.
/// </summary>
public sealed partial class AlertDelivery
{
    private readonly IReadOnlyList<IAlertSender> _senders;
    private readonly AlertChannelStatusBoard _status;
    private readonly AlertOptions _options;
    private readonly NodeIdentity _node;
    private readonly TimeProvider _time;
    private readonly ILogger<AlertDelivery> _logger;

    public AlertDelivery(IEnumerable<IAlertSender> senders, AlertChannelStatusBoard status, AlertOptions options, NodeIdentity node, TimeProvider time, ILogger<AlertDelivery> logger)
    {
        _senders = senders.ToArray();
        _status = status;
        _options = options;
        _node = node;
        _time = time;
        _logger = logger;
    }

    /// <summary>Delivers with retries; true when one attempt succeeded.</summary>
    public async Task<bool> DeliverAsync(AlertChannelSpec channel, AlertNotification notification, CancellationToken cancellationToken)
    {
        var message = AlertPayload.Build(notification, channel.Name, _node.Name, Guid.NewGuid().ToString("N"));
        var delay = _options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            if (await TryOnceAsync(channel, message, cancellationToken) is not { } error)
            {
                return true;
            }

            if (attempt >= _options.MaxAttempts)
            {
                _status.Failed(channel.Name);
                LogGaveUp(channel.Name, notification.Latest.Kind, attempt, error);
                return false;
            }

            await Task.Delay(delay, _time, cancellationToken);
            delay *= 2;
        }
    }

    /// <summary>One attempt, no retry ("Send test"); null when delivered, else the reason.</summary>
    public async Task<string?> DeliverOnceAsync(AlertChannelSpec channel, AlertNotification notification, CancellationToken cancellationToken)
    {
        var message = AlertPayload.Build(notification, channel.Name, _node.Name, Guid.NewGuid().ToString("N"));
        var error = await TryOnceAsync(channel, message, cancellationToken);
        if (error is not null)
        {
            _status.Failed(channel.Name);
        }

        return error;
    }

    private async Task<string?> TryOnceAsync(AlertChannelSpec channel, AlertMessage message, CancellationToken cancellationToken)
    {
        var sender = _senders.FirstOrDefault(s => s.Handles(channel));
        string error;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            if (sender is null)
            {
                throw new AlertDeliveryException("The channel is neither a webhook nor an e-mail.");
            }

            await sender.SendAsync(channel, message, timeout.Token);
            _status.Sent(channel.Name, _time.GetUtcNow());
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"timed out after {_options.TimeoutSeconds} s";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = Describe(ex);
        }

        _status.AttemptFailed(channel.Name, _time.GetUtcNow(), error);
        return error;
    }

    // The reason in a few words, from the exception's own message (which names hosts and statuses,
    // never what the channel keeps secret).
    private static string Describe(Exception ex) => ex switch
    {
        AlertDeliveryException => ex.Message,
        HttpRequestException { InnerException: SocketException socket } => "connection failed: " + socket.SocketErrorCode,
        HttpRequestException http => "request failed: " + http.HttpRequestError,
        SocketException socket => "connection failed: " + socket.SocketErrorCode,
        MailKit.Security.AuthenticationException => "the SMTP server refused the user name or password",
        MailKit.Net.Smtp.SmtpCommandException smtp => $"the SMTP server refused: {(int)smtp.StatusCode} {FirstLine(smtp.Message)}",
        MailKit.Net.Smtp.SmtpProtocolException => "the SMTP server broke the protocol",
        NotSupportedException when ex.Message.Contains("STARTTLS", StringComparison.OrdinalIgnoreCase) => "the SMTP server does not offer STARTTLS",
        _ => FirstLine(ex.Message),
    };

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        var line = end < 0 ? message : message[..end];
        return line.Length <= 300 ? line : line[..300];
    }

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Alert channel {Channel}: a {Event} notification could not be delivered after {Attempts} attempt(s): {Error}.")]
    private partial void LogGaveUp(string channel, string @event, int attempts, string error);
}
