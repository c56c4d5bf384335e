namespace Appliance.Engine.Caching;

/// <summary>
/// HTTP-dates exactly as RFC 9110 §5.6.7 spells them, and nothing else: IMF-fixdate
/// (<c>Sun, 06 Nov 1994 08:49:37 GMT</c>), the obsolete RFC 850 form (<c>Sunday, 06-Nov-94 08:49:37 GMT</c>)
/// and asctime's (<c>Sun Nov  6 08:49:37 1994</c>). A lenient parser would read "1994-11-06", a one-digit
/// hour or "UTC" as dates the origin never sent; here they are invalid, and an invalid Expires means
/// "already expired" (RFC 9111 §5.3). Names match case-insensitively, as RFC 9111 §4.2 asks a cache to when
/// calculating freshness, so "sun, 06 nov 1994 08:49:37 gmt" is the date it plainly names. The weekday
/// is checked for being a weekday name, not against the date (§5.6.7 lets a recipient ignore it).
/// </summary>
internal static class HttpDates
{
    private static readonly string[] ShortDays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    private static readonly string[] LongDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static bool TryParse(string? value, out DateTimeOffset date) => TryParse(value, DateTimeOffset.UtcNow, out date);

    /// <summary>Parses with <paramref name="now"/> deciding the century of an RFC 850 two-digit year.</summary>
    public static bool TryParse(string? value, DateTimeOffset now, out DateTimeOffset date)
    {
        date = default;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var text = value.AsSpan();
        var comma = text.IndexOf(',');
        if (comma == 3)
        {
            return TryImfFixdate(text, out date);
        }

        return comma > 3 ? TryRfc850(text, comma, now, out date) : TryAsctime(text, out date);
    }

    // day-name "," SP 2DIGIT SP month SP 4DIGIT SP time-of-day SP "GMT": exactly 29 characters.
    private static bool TryImfFixdate(ReadOnlySpan<char> text, out DateTimeOffset date)
    {
        date = default;
        return text.Length == 29 && IsName(text[..3], ShortDays) && text[3] == ',' && text[4] == ' '
            && TryDigits(text.Slice(5, 2), out var day) && text[7] == ' '
            && TryMonth(text.Slice(8, 3), out var month) && text[11] == ' '
            && TryDigits(text.Slice(12, 4), out var year) && text[16] == ' '
            && TryTimeGmt(text[17..], year, month, day, out date);
    }

    // day-name-l "," SP 2DIGIT "-" month "-" 2DIGIT SP time-of-day SP "GMT".
    private static bool TryRfc850(ReadOnlySpan<char> text, int comma, DateTimeOffset now, out DateTimeOffset date)
    {
        date = default;
        var rest = text[(comma + 1)..];
        if (!IsName(text[..comma], LongDays) || rest.Length != 23 || rest[0] != ' '
            || !TryDigits(rest.Slice(1, 2), out var day) || rest[3] != '-'
            || !TryMonth(rest.Slice(4, 3), out var month) || rest[7] != '-'
            || !TryDigits(rest.Slice(8, 2), out var twoDigitYear) || rest[10] != ' ')
        {
            return false;
        }

        // §5.6.7: a year more than 50 years in the future is the most recent past year with those digits.
        var year = now.Year - (now.Year % 100) + twoDigitYear;
        if (year > now.Year + 50)
        {
            year -= 100;
        }

        return TryTimeGmt(rest[11..], year, month, day, out date);
    }

    // day-name SP month SP ( 2DIGIT / ( SP DIGIT ) ) SP time-of-day SP 4DIGIT: exactly 24 characters.
    private static bool TryAsctime(ReadOnlySpan<char> text, out DateTimeOffset date)
    {
        date = default;
        if (text.Length != 24 || !IsName(text[..3], ShortDays) || text[3] != ' '
            || !TryMonth(text.Slice(4, 3), out var month) || text[7] != ' ' || text[10] != ' '
            || !TryDigits(text.Slice(20, 4), out var year) || text[19] != ' ')
        {
            return false;
        }

        var dayText = text.Slice(8, 2);
        var day = 0;
        if (!(dayText[0] == ' ' ? TryDigits(dayText[1..], out day) : TryDigits(dayText, out day)))
        {
            return false;
        }

        return TryTime(text.Slice(11, 8), year, month, day, out date);
    }

    // time-of-day SP "GMT"
    private static bool TryTimeGmt(ReadOnlySpan<char> text, int year, int month, int day, out DateTimeOffset date)
    {
        date = default;
        return text.Length == 12 && text[8] == ' ' && text[9..].Equals("GMT", StringComparison.OrdinalIgnoreCase)
            && TryTime(text[..8], year, month, day, out date);
    }

    // hour ":" minute ":" second, two digits each; a leap second (60) is read as 59.
    private static bool TryTime(ReadOnlySpan<char> text, int year, int month, int day, out DateTimeOffset date)
    {
        date = default;
        if (text.Length != 8 || text[2] != ':' || text[5] != ':'
            || !TryDigits(text[..2], out var hour) || !TryDigits(text.Slice(3, 2), out var minute) || !TryDigits(text.Slice(6, 2), out var second)
            || hour > 23 || minute > 59 || second > 60 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateTimeOffset(year, month, day, hour, minute, Math.Min(second, 59), TimeSpan.Zero);
        return true;
    }

    private static bool TryMonth(ReadOnlySpan<char> text, out int month)
    {
        for (var i = 0; i < Months.Length; i++)
        {
            if (text.Equals(Months[i], StringComparison.OrdinalIgnoreCase))
            {
                month = i + 1;
                return true;
            }
        }

        month = 0;
        return false;
    }

    private static bool IsName(ReadOnlySpan<char> text, string[] names)
    {
        foreach (var name in names)
        {
            if (text.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return text.Length > 0;
    }
}
