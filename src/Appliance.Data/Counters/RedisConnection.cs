using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Appliance.Data.Counters;

/// <summary>
/// The one connection to Redis, made in the background at start so that the appliance starts and
/// serves whether or not Redis answers. The client reconnects on its own; while it is disconnected
/// commands fail at once (no backlog), so callers count locally instead of waiting.
/// </summary>
public sealed partial class RedisConnection(RedisOptions options, SharedCounterStatus status, ILogger<RedisConnection> logger)
    : IHostedService, IAsyncDisposable
{
    private ConnectionMultiplexer? _multiplexer;
    private IDatabase? _database;

    /// <summary>The database while connected; null before the first connection and while it is lost.</summary>
    internal IDatabase? Database => _multiplexer is { IsConnected: true } ? _database : null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.IsConfigured)
        {
            _ = ConnectAsync();
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_multiplexer is { } multiplexer)
        {
            await multiplexer.CloseAsync(allowCommandsToComplete: false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is { } multiplexer)
        {
            await multiplexer.DisposeAsync();
        }
    }

    /// <summary>The client settings: the operator's string, made fit for a request path that never waits.</summary>
    internal static ConfigurationOptions ClientOptions(RedisOptions options)
    {
        var config = ConfigurationOptions.Parse(options.Configuration!);
        config.AbortOnConnectFail = false;
        config.BacklogPolicy = BacklogPolicy.FailFast;
        config.ReconnectRetryPolicy = new LinearRetry(1_000);
        config.AsyncTimeout = Math.Min(config.AsyncTimeout, options.TimeoutMilliseconds * 4);
        config.ClientName ??= "appliance";
        return config;
    }

    private async Task ConnectAsync()
    {
        try
        {
            var multiplexer = await ConnectionMultiplexer.ConnectAsync(ClientOptions(options));
            multiplexer.ConnectionFailed += (_, e) =>
            {
                if (status.MarkDown())
                {
                    LogLost(e.EndPoint?.ToString() ?? "redis", e.FailureType.ToString());
                }
            };
            multiplexer.ConnectionRestored += (_, e) =>
            {
                if (e.ConnectionType == ConnectionType.Interactive && status.MarkUp())
                {
                    LogRestored(e.EndPoint?.ToString() ?? "redis");
                }
            };
            _database = multiplexer.GetDatabase();
            _multiplexer = multiplexer;
            if (multiplexer.IsConnected && status.MarkUp())
            {
                LogRestored(string.Join(", ", multiplexer.GetEndPoints().Select(e => e.ToString())));
            }
            else if (!multiplexer.IsConnected)
            {
                LogNotYet();
            }
        }
        catch (Exception ex)
        {
            // Only the message: the exception's text never carries the configuration's password.
            LogConnectFailed(ex.Message);
        }
    }

    [LoggerMessage(EventId = 1451, Level = LogLevel.Information, Message = "Redis at {EndPoint} answers: rate limits and failure counts are shared across nodes.")]
    private partial void LogRestored(string endPoint);

    [LoggerMessage(EventId = 1452, Level = LogLevel.Warning, Message = "Lost Redis at {EndPoint} ({Failure}): limits and failure counts are per node until it returns.")]
    private partial void LogLost(string endPoint, string failure);

    [LoggerMessage(EventId = 1453, Level = LogLevel.Warning, Message = "Redis does not answer yet: limits and failure counts are per node until it does.")]
    private partial void LogNotYet();

    [LoggerMessage(EventId = 1454, Level = LogLevel.Error, Message = "Cannot use Redis ({Reason}): limits and failure counts stay per node.")]
    private partial void LogConnectFailed(string reason);
}
