namespace Appliance.Engine.Caching;

/// <summary>
/// delta-seconds (RFC 9111 §1.2.2): a non-negative count of seconds, digits only. A value too large
/// to hold counts as 2^31 seconds, as the RFC requires, so that neither a client nor an origin can
/// make the cache throw, or make it ignore a field, by sending a long number.
/// </summary>
internal static class DeltaSeconds
{
    /// <summary>2^31 seconds, what every larger value counts as.</summary>
    public static readonly TimeSpan Greatest = TimeSpan.FromSeconds(2147483648L);

    /// <summary>The seconds <paramref name="text"/> says, or false when it is not 1*DIGIT (a sign, a space, a fraction, nothing).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (text.IsEmpty)
        {
            return false;
        }

        // Stops accumulating once past 2^31, so any number of digits fits in a long.
        var seconds = 0L;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            if (seconds <= 2147483648L)
            {
                seconds = (seconds * 10) + (c - '0');
            }
        }

        value = seconds >= 2147483648L ? Greatest : TimeSpan.FromSeconds(seconds);
        return true;
    }
}
