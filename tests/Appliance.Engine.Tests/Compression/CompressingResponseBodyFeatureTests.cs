using System.IO.Compression;
using Appliance.Engine.Compression;
using Microsoft.AspNetCore.Http.Features;

namespace Appliance.Engine.Tests.Compression;

/// <summary>
/// Encoding never runs on a thread outside the pool: with inline socket completions a write arrives
/// on the socket engine's thread, which serves many connections, and the encoder must not hold it.
/// </summary>
public sealed class CompressingResponseBodyFeatureTests
{
    [Fact]
    public async Task A_write_that_arrives_off_the_thread_pool_is_encoded_on_it_and_the_body_still_decodes()
    {
        var context = new DefaultHttpContext();
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/css";
        context.Response.ContentLength = 64 * 1024;
        var sink = new ThreadRecordingStream();
        var feature = new CompressingResponseBodyFeature(new StreamResponseBodyFeature(sink), context.Response, "gzip");
        var css = string.Concat(Enumerable.Repeat(".rule{margin:0;padding:1px;color:#123456}\n", 1600))[..(64 * 1024)];

        // A dedicated thread stands for the socket engine's: not a pool thread.
        var written = new TaskCompletionSource();
        var engine = new Thread(() => feature.WriteAsync(System.Text.Encoding.ASCII.GetBytes(css), default).AsTask()
            .ContinueWith(t => written.TrySetFromTask(t), TaskScheduler.Default));
        engine.Start();
        await written.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var duringWrite = sink.Threads.ToArray();
        await feature.FinishAsync();

        Assert.NotEmpty(duringWrite);
        Assert.All(duringWrite, onPool => Assert.True(onPool, "the encoder wrote from a thread outside the pool"));
        using var gzip = new GZipStream(new MemoryStream(sink.ToArray()), CompressionMode.Decompress);
        Assert.Equal(css, await new StreamReader(gzip).ReadToEndAsync());
    }

    // Records, for each write, whether it came from a thread-pool thread.
    private sealed class ThreadRecordingStream : MemoryStream
    {
        public List<bool> Threads { get; } = [];

        public override void Write(byte[] buffer, int offset, int count)
        {
            Threads.Add(Thread.CurrentThread.IsThreadPoolThread);
            base.Write(buffer, offset, count);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Threads.Add(Thread.CurrentThread.IsThreadPoolThread);
            return base.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Threads.Add(Thread.CurrentThread.IsThreadPoolThread);
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }
    }
}
