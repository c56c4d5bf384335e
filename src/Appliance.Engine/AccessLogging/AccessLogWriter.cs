using System.Buffers;
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
internal sealed partial class AccessLogWriter : BackgroundService
{
    private readonly Channel<AccessLogEntry> _queue = Channel.CreateBounded<AccessLogEntry>(
        new BoundedChannelOptions(16_384) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(100);

    private readonly AccessLogOptions _options;
    private readonly DataDirectory _dataDirectory;
    private readonly ILogger<AccessLogWriter> _logger;
    private long _dropped;
    private long _droppedReported;

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

        // Lines are formatted into a buffer and written in one call per batch: at thousands of
        // requests a second, a write per line would cost more than the proxying.
        await using var output = new BufferedStream(OpenOutput(), 64 * 1024);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        await using var json = new Utf8JsonWriter(buffer);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await WriteQueuedAsync(output, buffer, json, stoppingToken);

                // Let lines gather: one wake-up per batch instead of one per request keeps the
                // writer's share of a small machine's CPU low, at the price of lines landing
                // up to this much later.
                await Task.Delay(BatchInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: write what is already queued.
            await WriteQueuedAsync(output, buffer, json, CancellationToken.None);
        }
    }

    private async Task WriteQueuedAsync(Stream output, ArrayBufferWriter<byte> buffer, Utf8JsonWriter json, CancellationToken cancellationToken)
    {
        while (_queue.Reader.TryRead(out var entry))
        {
            Format(entry, json);
            buffer.Write("\n"u8);
            if (buffer.WrittenCount > 48 * 1024)
            {
                await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
                buffer.ResetWrittenCount();
            }
        }

        await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
        buffer.ResetWrittenCount();
        await output.FlushAsync(cancellationToken);

        // Say so when lines were lost, once per batch rather than once per line.
        var dropped = Dropped;
        if (dropped != _droppedReported)
        {
            LogDropped(dropped - _droppedReported, dropped);
            _droppedReported = dropped;
        }
    }

    private static void Format(AccessLogEntry entry, Utf8JsonWriter json)
    {
        json.Reset();
        json.WriteStartObject();
        json.WriteString("time"u8, entry.Time);
        json.WriteString("requestId"u8, entry.RequestId);
        WriteClient(json, entry.Client);
        json.WriteString("host"u8, entry.Host);
        json.WriteString("method"u8, entry.Method);
        json.WriteString("path"u8, entry.Path);
        if (entry.Target is not null)
        {
            json.WriteString("target"u8, entry.Target);
        }

        json.WriteNumber("status"u8, entry.Status);
        json.WriteNumber("bytes"u8, entry.Bytes);
        json.WriteNumber("durationMs"u8, entry.DurationMs);
        json.WriteString("route"u8, entry.Route);
        json.WriteString("pool"u8, entry.Pool);
        json.WriteString("backend"u8, entry.Backend);
        json.WriteEndObject();
        json.Flush();
    }

    private static void WriteClient(Utf8JsonWriter json, System.Net.IPAddress? client)
    {
        Span<char> text = stackalloc char[64];
        if (client is not null && client.TryFormat(text, out var length))
        {
            json.WriteString("client"u8, text[..length]);
        }
        else
        {
            json.WriteNull("client"u8);
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

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "The access log could not keep up: {Count} line(s) dropped ({Total} since start).")]
    private partial void LogDropped(long count, long total);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Access log is written to {Path}.")]
    private partial void LogWritingTo(string path);
}
