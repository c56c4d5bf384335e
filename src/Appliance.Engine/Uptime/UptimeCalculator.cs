using Appliance.Data.Uptime;

namespace Appliance.Engine.Uptime;

/// <summary>
/// Turns one backend's recorded runs and transitions into a timeline and uptime figures. Within a
/// run the backend has the state of its last transition in that run; before its first verdict in a
/// run, after it left the configuration, and between runs (the node was not running) the time is
/// unknown and counts neither as up nor as down. Pure: tests give it times.
/// </summary>
public static class UptimeCalculator
{
    /// <summary>
    /// The timeline of [<paramref name="from"/>, <paramref name="to"/>) in order, every instant in
    /// exactly one segment. <paramref name="transitions"/> are one backend's; the run
    /// <paramref name="liveSessionId"/> (this node's current one) lasts until <paramref name="to"/>.
    /// </summary>
    public static IReadOnlyList<UptimeSegment> Timeline(
        IReadOnlyList<UptimeSession> sessions, IReadOnlyList<HealthTransition> transitions, DateTimeOffset from, DateTimeOffset to, long? liveSessionId)
    {
        var segments = new List<UptimeSegment>();
        if (to <= from)
        {
            return segments;
        }

        var bySession = transitions.GroupBy(t => t.SessionId).ToDictionary(g => g.Key, g => g.OrderBy(t => t.At).ToArray());
        var cursor = from;
        foreach (var session in sessions.OrderBy(s => s.StartedAt))
        {
            var end = session.Id == liveSessionId ? to : session.LastSeenAt;
            var start = Max(session.StartedAt, cursor);
            end = Min(end, to);
            if (end <= start)
            {
                continue;
            }

            Add(segments, cursor, start, UptimeSegment.Unknown);
            var state = UptimeSegment.Unknown;
            var at = start;
            foreach (var transition in bySession.GetValueOrDefault(session.Id, []))
            {
                if (transition.At <= start)
                {
                    state = StateOf(transition);
                    continue;
                }

                if (transition.At >= end)
                {
                    break;
                }

                Add(segments, at, transition.At, state);
                at = transition.At;
                state = StateOf(transition);
            }

            Add(segments, at, end, state);
            cursor = end;
        }

        Add(segments, cursor, to, UptimeSegment.Unknown);
        return segments;
    }

    /// <summary>Time up and down in a timeline (unknown time left out).</summary>
    public static UptimeWindow Measure(IEnumerable<UptimeSegment> segments)
    {
        var up = TimeSpan.Zero;
        var down = TimeSpan.Zero;
        foreach (var segment in segments)
        {
            if (segment.State == UptimeStates.Up)
            {
                up += segment.Duration;
            }
            else if (segment.State == UptimeStates.Down)
            {
                down += segment.Duration;
            }
        }

        return new UptimeWindow(up, down);
    }

    /// <summary>The part of a timeline from <paramref name="from"/> on.</summary>
    public static IEnumerable<UptimeSegment> Since(IEnumerable<UptimeSegment> segments, DateTimeOffset from) =>
        segments.Where(s => s.To > from).Select(s => s.From >= from ? s : s with { From = from });

    private static string StateOf(HealthTransition transition) =>
        transition.State is UptimeStates.Up or UptimeStates.Down ? transition.State : UptimeSegment.Unknown;

    // Neighbouring segments of one state are one segment: the timeline draws what changed, not when it was written.
    private static void Add(List<UptimeSegment> segments, DateTimeOffset from, DateTimeOffset to, string state)
    {
        if (to <= from)
        {
            return;
        }

        if (segments.Count > 0 && segments[^1] is { } last && last.State == state && last.To == from)
        {
            segments[^1] = last with { To = to };
            return;
        }

        segments.Add(new UptimeSegment(from, to, state));
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
