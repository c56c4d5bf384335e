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
        return string.Create(32, sequence, static (span, value) =>
        {
            Prefix.TryFormat(span[..16], out _, "x16");
            value.TryFormat(span[16..], out _, "x16");
        });
    }
}
