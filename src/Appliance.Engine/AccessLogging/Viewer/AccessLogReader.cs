using System.Net;

namespace Appliance.Engine.AccessLogging.Viewer;

/// <summary>
/// Searches and sums up <see cref="RecentRequests"/> for the API and the admin page, on a copy of
/// the ring: nothing here holds up the data plane beyond that copy.
/// </summary>
public sealed class AccessLogReader(RecentRequests recent, TimeProvider time)
{
    /// <summary>Most requests one search answers.</summary>
    public const int MaxTake = 1000;

    /// <summary>Longest summary, in minutes.</summary>
    public const int MaxSummaryMinutes = 1440;

    /// <summary>How many paths and clients a summary names.</summary>
    public const int TopCount = 10;

    private static readonly string[] ClassNames = ["1xx", "2xx", "3xx", "4xx", "5xx"];

    /// <summary>How many requests the ring holds at most (0: the viewer is off).</summary>
    public int Capacity => recent.Capacity;

    /// <summary>How many it holds now.</summary>
    public int Count => recent.Count;

    /// <summary>Requests recorded since start, overwritten ones included: grows by one per request.</summary>
    public long Added => recent.Added;

    /// <summary>Now, on the appliance's clock: what relative filter times count back from.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The newest requests that <paramref name="filter"/> lets through, at most <paramref name="take"/>, newest first.</summary>
    public IReadOnlyList<RecentRequest> Find(AccessLogFilter filter, int take)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        var (rented, count, _) = recent.RentNewestFirst();
        try
        {
            var found = new List<RecentRequest>(Math.Min(take, count));
            for (var i = 0; i < count && found.Count < take; i++)
            {
                if (filter.Matches(rented[i]))
                {
                    found.Add(rented[i]);
                }
            }

            return found;
        }
        finally
        {
            RecentRequests.Return(rented);
        }
    }

    /// <summary>The last <paramref name="minutes"/> minutes (the current one included) at a glance.</summary>
    public AccessLogSummary Summarize(int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minutes, 1);
        var now = Now;
        var from = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero).AddMinutes(1 - minutes);
        var perMinute = new long[minutes];
        var classes = new long[ClassNames.Length];
        var paths = new Dictionary<string, long>(StringComparer.Ordinal);
        var clients = new Dictionary<IPAddress, long>();
        long total = 0;

        var (rented, count, overwritten) = recent.RentNewestFirst();
        DateTimeOffset? heldSince = count > 0 ? rented[count - 1].Time : null;
        try
        {
            for (var i = 0; i < count; i++)
            {
                ref readonly var request = ref rented[i];
                if (request.Time < from || request.Time > now)
                {
                    continue;
                }

                total++;
                perMinute[Math.Min((int)((request.Time - from).Ticks / TimeSpan.TicksPerMinute), minutes - 1)]++;
                if (request.Status is >= 100 and <= 599)
                {
                    classes[(request.Status / 100) - 1]++;
                }

                paths[request.Path] = paths.GetValueOrDefault(request.Path) + 1;
                if (request.Client is { } client)
                {
                    clients[client] = clients.GetValueOrDefault(client) + 1;
                }
            }
        }
        finally
        {
            RecentRequests.Return(rented);
        }

        return new AccessLogSummary(
            from,
            now,
            minutes,
            total,
            ClassNames.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => classes[c.i], StringComparer.Ordinal),
            Top(paths.Select(p => new AccessLogCount(p.Key, p.Value))),
            Top(clients.Select(c => new AccessLogCount(c.Key.ToString(), c.Value))),
            perMinute.Select((n, i) => new MinuteCount(from.AddMinutes(i), n)).ToArray(),
            Complete: !overwritten || heldSince <= from,
            heldSince);
    }

    private static AccessLogCount[] Top(IEnumerable<AccessLogCount> counts) =>
        counts.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).Take(TopCount).ToArray();
}
