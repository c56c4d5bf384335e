namespace Appliance.Engine.Caching.Ranges;

/// <summary>
/// If-Range (RFC 9110 §13.1.5): the range is sent only if the client's partial copy is of the very
/// representation stored. An entity-tag matches by strong comparison only; a date matches only when it
/// equals Last-Modified exactly and that Last-Modified is strong (§8.8.2.2: the response's Date at least
/// one second after it). Anything else, a weak tag or a value that is neither, is a mismatch: the whole.
/// </summary>
internal static class IfRange
{
    public static bool Matches(string value, string? etag, DateTimeOffset? lastModified, DateTimeOffset? date)
    {
        var condition = value.Trim(' ', '\t');
        if (condition.StartsWith('"') || condition.StartsWith("W/", StringComparison.Ordinal))
        {
            return etag is not null && EntityTags.StrongMatch(condition, etag);
        }

        return lastModified is { } modified
            && date is { } sent
            && sent - modified >= TimeSpan.FromSeconds(1)
            && HttpDates.TryParse(condition, out var since)
            && since == modified;
    }
}
