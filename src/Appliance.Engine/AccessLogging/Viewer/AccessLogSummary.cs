namespace Appliance.Engine.AccessLogging.Viewer;

/// <summary>
/// The recent requests of the last minutes at a glance: how many, by status class, the busiest
/// paths and clients, and requests per minute.
/// </summary>
/// <param name="From">Start of the first minute counted (UTC, on a minute boundary).</param>
/// <param name="Until">When the summary was made; the last minute is still filling.</param>
/// <param name="Minutes">How many minutes are counted, the current one included.</param>
/// <param name="Total">Requests counted.</param>
/// <param name="StatusClasses">Requests by class, <c>1xx</c> to <c>5xx</c>, every class present.</param>
/// <param name="TopPaths">The busiest paths, most requests first.</param>
/// <param name="TopClients">The busiest client addresses, most requests first.</param>
/// <param name="PerMinute">One count per minute, oldest first, empty minutes included.</param>
/// <param name="Complete">
/// False when the ring has already overwritten requests of the period: the counts then cover
/// only the requests since <paramref name="HeldSince"/>.
/// </param>
/// <param name="HeldSince">When the oldest request the ring holds finished; null when it holds none.</param>
public sealed record AccessLogSummary(
    DateTimeOffset From,
    DateTimeOffset Until,
    int Minutes,
    long Total,
    IReadOnlyDictionary<string, long> StatusClasses,
    IReadOnlyList<AccessLogCount> TopPaths,
    IReadOnlyList<AccessLogCount> TopClients,
    IReadOnlyList<MinuteCount> PerMinute,
    bool Complete,
    DateTimeOffset? HeldSince);
