using System.Globalization;
using Appliance.Data.Networking;

namespace Appliance.Engine.AccessLogging.Viewer;

/// <summary>
/// Reads the viewer's filters, naming every one that cannot be read, so that the API's problem
/// document and the admin page's fields say the same thing.
/// </summary>
public static class AccessLogFilterParser
{
    /// <summary>Longest path filter read; a longer one is a mistake, not a path.</summary>
    public const int MaxPathLength = 2048;

    private const int MaxNameLength = 200;

    // RFC 9110 §5.6.2: a method is a token.
    private static readonly System.Buffers.SearchValues<char> TokenChars =
        System.Buffers.SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>
    /// Parses <paramref name="text"/>; relative times (<c>15m</c>) count back from <paramref name="now"/>.
    /// The filter is null when <see cref="AccessLogFilterResult.Errors"/> names a field.
    /// </summary>
    public static AccessLogFilterResult Parse(AccessLogFilterText text, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = AccessLogFilter.All;

        if (Given(text.Status) is { } status)
        {
            if (StatusPattern.TryParse(status, out var pattern))
            {
                filter = filter with { Status = pattern };
            }
            else
            {
                errors[AccessLogFields.Status] = [$"'{status}' is not a status: give one like 404 or a class like 5xx."];
            }
        }

        if (Given(text.Route) is { } route)
        {
            if (route.Length <= MaxNameLength)
            {
                filter = filter with { Route = route };
            }
            else
            {
                errors[AccessLogFields.Route] = [$"A route name has at most {MaxNameLength} characters."];
            }
        }

        if (Given(text.Client) is { } client)
        {
            if (NetworkRanges.TryParse(client, out var network))
            {
                filter = filter with { Client = network };
            }
            else
            {
                errors[AccessLogFields.Client] = [$"'{client}' is not an IP address or a CIDR range such as 203.0.113.0/24."];
            }
        }

        if (Given(text.Path) is { } path)
        {
            if (path.Length <= MaxPathLength)
            {
                filter = filter with { Path = PathPattern.Parse(path) };
            }
            else
            {
                errors[AccessLogFields.Path] = [$"A path filter has at most {MaxPathLength} characters."];
            }
        }

        if (Given(text.Method) is { } method)
        {
            if (method.Length <= 32 && !method.AsSpan().ContainsAnyExcept(TokenChars))
            {
                filter = filter with { Method = method };
            }
            else
            {
                errors[AccessLogFields.Method] = [$"'{method}' is not an HTTP method."];
            }
        }

        var since = ReadTime(text.Since, AccessLogFields.Since, now, errors);
        var until = ReadTime(text.Until, AccessLogFields.Until, now, errors);
        if (since > until)
        {
            errors[AccessLogFields.Since] = [$"since ({since:u}) is after until ({until:u})."];
        }

        return errors.Count > 0
            ? new AccessLogFilterResult(null, errors)
            : new AccessLogFilterResult(filter with { Since = since, Until = until }, errors);
    }

    /// <summary>
    /// A point in time as the filters take it: ISO 8601 (<c>2025-01-31T14:00:00Z</c>; without an
    /// offset, UTC), or how long ago, in seconds, minutes, hours or days (<c>90s</c>, <c>15m</c>,
    /// <c>2h</c>, <c>1d</c>).
    /// </summary>
    public static bool TryParseTime(string text, DateTimeOffset now, out DateTimeOffset time)
    {
        var value = text.Trim();
        if (TryParseAgo(value, out var ago))
        {
            time = now - ago;
            return true;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }

    private static DateTimeOffset? ReadTime(string? text, string field, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        if (Given(text) is not { } given)
        {
            return null;
        }

        if (TryParseTime(given, now, out var time))
        {
            return time;
        }

        errors[field] = [$"'{given}' is not a time: give one like 2025-01-31T14:00:00Z, or how long ago, like 15m."];
        return null;
    }

    private static bool TryParseAgo(string value, out TimeSpan ago)
    {
        ago = default;
        if (value.Length < 2 || !int.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return false;
        }

        long? unit = char.ToLowerInvariant(value[^1]) switch
        {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => null,
        };

        // At most a year back: the ring holds far less, and a bigger number is a typo.
        if (unit is not { } seconds || count * seconds > 366 * 86_400L)
        {
            return false;
        }

        ago = TimeSpan.FromSeconds(count * seconds);
        return true;
    }

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
