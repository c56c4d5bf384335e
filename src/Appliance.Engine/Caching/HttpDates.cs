using Microsoft.Net.Http.Headers;

namespace Appliance.Engine.Caching;

/// <summary>
/// HTTP-dates (RFC 9110 §5.6.7) as the cache reads Date and Expires: case-sensitive by the grammar,
/// but RFC 9111 §4.2 asks a cache to match them case-insensitively when calculating freshness, so
/// "sun, 06 nov 1994 08:49:37 gmt" is the date it plainly names, not an invalid one (which would
/// make an Expires mean "already expired").
/// </summary>
internal static class HttpDates
{
    public static bool TryParse(string? value, out DateTimeOffset date) =>
        HeaderUtilities.TryParseDate(value, out date)
        || (!string.IsNullOrEmpty(value) && HeaderUtilities.TryParseDate(Canonical(value), out date));

    // Every run of letters spelled as the formats spell it: GMT in capitals, day and month names capitalised.
    private static string Canonical(string value)
    {
        var chars = value.ToCharArray();
        var i = 0;
        while (i < chars.Length)
        {
            if (!char.IsAsciiLetter(chars[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < chars.Length && char.IsAsciiLetter(chars[i]))
            {
                i++;
            }

            var upperAll = value.AsSpan(start, i - start).Equals("gmt", StringComparison.OrdinalIgnoreCase);
            for (var j = start; j < i; j++)
            {
                chars[j] = upperAll || j == start ? char.ToUpperInvariant(chars[j]) : char.ToLowerInvariant(chars[j]);
            }
        }

        return new string(chars);
    }
}
