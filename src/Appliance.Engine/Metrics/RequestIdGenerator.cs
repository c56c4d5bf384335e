using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Appliance.Engine.Metrics;

/// <summary>
/// Request ids: 32 hex digits, a random per-process prefix and a counter. Unique across restarts
/// and nodes in practice, and, unlike <see cref="Guid.NewGuid"/>, no call for fresh randomness
/// on every request.
/// </summary>
internal static class RequestIdGenerator
{
    private static readonly ulong Prefix = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
    private static long _counter;

    public static string Next()
    {
        var sequence = (ulong)Interlocked.Increment(ref _counter);
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, Prefix);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], sequence);

        // One hex conversion of the 16 bytes: formatting each number with "x16" parsed the format
        // string on every request (TryFormatUInt64Slow in the profile).
        return Convert.ToHexStringLower(bytes);
    }
}
