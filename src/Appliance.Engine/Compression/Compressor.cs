using System.IO.Compression;

namespace Appliance.Engine.Compression;

/// <summary>Encodes bodies: whole ones for the cache (at a good ratio, once) and streams on the fly (fast).</summary>
public static class Compressor
{
    /// <summary>A stream that encodes into <paramref name="destination"/>; disposing it finishes the encoding, not the destination.</summary>
    public static Stream Encode(Stream destination, string coding, bool fast) => coding switch
    {
        ContentCodings.Brotli => new BrotliStream(destination, fast ? CompressionLevel.Fastest : CompressionLevel.Optimal, leaveOpen: true),
        ContentCodings.Gzip => new GZipStream(destination, fast ? CompressionLevel.Fastest : CompressionLevel.Optimal, leaveOpen: true),
        ContentCodings.Zstd => new ZstdSharp.CompressionStream(destination, fast ? 1 : 6, leaveOpen: true),
        _ => throw new ArgumentOutOfRangeException(nameof(coding), coding, "Unknown content coding."),
    };

    public static byte[] Encode(byte[] body, string coding)
    {
        using var output = new MemoryStream(body.Length / 3 + 64);
        using (var encoder = Encode(output, coding, fast: false))
        {
            encoder.Write(body);
        }

        return output.ToArray();
    }
}
