using System.Text.Json;
using System.Threading.Channels;
using Appliance.Data.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Appliance.Engine.AccessLogging;

/// <summary>
/// Writes one JSON line per request. Requests only enqueue; a background loop formats and writes,
/// so a slow disk or terminal never slows the proxy. When the queue is full, lines are dropped and
/// counted rather than blocking traffic.
/// </summary>
public sealed partial class AccessLogWriter : BackgroundService
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly Channel<AccessLogEntry> _queue = Channel.CreateBounded<AccessLogEntry>(
        new BoundedChannelOptions(16_384) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly AccessLogOptions _options;
    private readonly DataDirectory _dataDirectory;
    private readonly ILogger<AccessLogWriter> _logger;
    private long _dropped;

    public AccessLogWriter(AccessLogOptions options, DataDirectory dataDirectory, ILogger<AccessLogWriter> logger)
    {
        _options = options;
        _dataDirectory = dataDirectory;
        _logger = logger;
    }

    /// <summary>False when the access log is off, so callers can skip building entries.</summary>
    public bool Enabled => _options.Target != AccessLogTarget.Off;

    /// <summary>Lines dropped because the writer could not keep up.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues a line.</summary>
    public void Write(AccessLogEntry entry)
    {
        if (!_queue.Writer.TryWrite(entry))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        await using var output = OpenOutput();
        var newline = "\n"u8.ToArray();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (_queue.Reader.TryRead(out var entry))
                {
                    await JsonSerializer.SerializeAsync(output, entry, JsonOptions, stoppingToken);
                    await output.WriteAsync(newline, stoppingToken);
                }

                await output.FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: write what is already queued.
            while (_queue.Reader.TryRead(out var entry))
            {
                await JsonSerializer.SerializeAsync(output, entry, JsonOptions, CancellationToken.None);
                await output.WriteAsync(newline, CancellationToken.None);
            }

            await output.FlushAsync(CancellationToken.None);
        }
    }

    private Stream OpenOutput()
    {
        if (_options.Target == AccessLogTarget.Console)
        {
            return Console.OpenStandardOutput();
        }

        var path = System.IO.Path.Combine(_dataDirectory.FullPath, _options.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        LogWritingTo(path);
        return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024, useAsync: true);
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Access log is written to {Path}.")]
    private partial void LogWritingTo(string path);
}
