using Appliance.Engine.Mirroring;

namespace Appliance.Engine.Tests.Mirroring;

public sealed class MirrorBodyTeeTests
{
    private static readonly byte[] Body = Enumerable.Range(0, 10_000).Select(i => (byte)i).ToArray();

    [Fact]
    public async Task Every_byte_passes_through_and_the_copy_is_whole_once_the_end_is_read()
    {
        using var tee = new MirrorBodyTee(new MemoryStream(Body), maxBytes: Body.Length);

        var read = await ReadAllAsync(tee, chunk: 777);

        Assert.Equal(Body, read);
        Assert.Equal(MirrorBodyState.Complete, tee.State);
        Assert.Equal(Body, tee.ToArray());
    }

    [Fact]
    public async Task A_zero_byte_read_waits_for_data_and_is_not_the_end()
    {
        using var tee = new MirrorBodyTee(new MemoryStream(Body), maxBytes: Body.Length);

        Assert.Equal(0, await tee.ReadAsync(Memory<byte>.Empty));
        Assert.Equal(MirrorBodyState.Partial, tee.State);
        Assert.Empty(tee.ToArray());
    }

    [Fact]
    public async Task A_body_that_outgrows_the_bound_still_reaches_the_primary_whole_and_the_copy_lets_go()
    {
        using var tee = new MirrorBodyTee(new MemoryStream(Body), maxBytes: Body.Length - 1);

        var read = await ReadAllAsync(tee, chunk: 4096);

        Assert.Equal(Body, read);
        Assert.Equal(MirrorBodyState.TooLarge, tee.State);
        Assert.Empty(tee.ToArray());
    }

    [Fact]
    public void A_body_read_in_part_is_partial_and_synchronous_reads_are_kept_too()
    {
        using var tee = new MirrorBodyTee(new MemoryStream(Body), maxBytes: Body.Length);
        var buffer = new byte[100];

        Assert.Equal(100, tee.Read(buffer, 0, buffer.Length));
        Assert.Equal(MirrorBodyState.Partial, tee.State);
        Assert.Empty(tee.ToArray());
    }

    [Fact]
    public async Task After_release_nothing_more_is_kept()
    {
        using var tee = new MirrorBodyTee(new MemoryStream(Body), maxBytes: Body.Length);
        var buffer = new byte[100];
        Assert.Equal(100, await tee.ReadAsync(buffer));

        tee.Release();
        await ReadAllAsync(tee, chunk: 4096);

        Assert.Empty(tee.ToArray());
    }

    [Fact]
    public async Task An_empty_body_is_complete_and_empty()
    {
        using var tee = new MirrorBodyTee(new MemoryStream(), maxBytes: 0);

        Assert.Empty(await ReadAllAsync(tee, chunk: 16));
        Assert.Equal(MirrorBodyState.Complete, tee.State);
        Assert.Empty(tee.ToArray());
    }

    // As YARP's stream copier reads: a zero-byte read to wait for data, then a read into its buffer.
    private static async Task<byte[]> ReadAllAsync(Stream stream, int chunk)
    {
        using var output = new MemoryStream();
        var buffer = new byte[chunk];
        while (true)
        {
            Assert.Equal(0, await stream.ReadAsync(Memory<byte>.Empty));
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return output.ToArray();
            }

            output.Write(buffer, 0, read);
        }
    }
}
