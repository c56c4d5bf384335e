using Appliance.Data.Model;

namespace Appliance.Engine.Alerts;

/// <summary>
/// Keeps repeated events from flooding a channel: per (rule, subject), the first event is sent at
/// once and opens a window of the rule's <see cref="AlertRuleSpec.GroupMinutes"/>; events within it
/// are held, and when it ends they go out as one summary with their count (a flapping backend sends
/// "4 events: 2 down, 2 up"), which opens the next window. A window that ends with nothing held
/// closes. Thread-safe; time comes from the caller.
/// </summary>
public sealed class AlertGrouper
{
    /// <summary>Subjects tracked at once; beyond this, events are sent without grouping rather than held without bound.</summary>
    public const int MaxGroups = 10_000;

    private readonly Dictionary<(string Rule, string Subject), AlertGroup> _groups = [];
    private long _held;

    /// <summary>Events held into summaries since start.</summary>
    public long HeldTotal => Interlocked.Read(ref _held);

    /// <summary>The notification to send now for <paramref name="alert"/> under <paramref name="rule"/>, or null when it is held for the next summary.</summary>
    public AlertNotification? Offer(AlertRuleSpec rule, AlertEvent alert, DateTimeOffset now)
    {
        if (rule.GroupMinutes <= 0)
        {
            return new AlertNotification(rule.Name, rule.Channels, alert.Subject, [alert], Grouped: false, now);
        }

        var window = TimeSpan.FromMinutes(rule.GroupMinutes);
        var key = (rule.Name, alert.Subject);
        lock (_groups)
        {
            if (!_groups.TryGetValue(key, out var group))
            {
                if (_groups.Count < MaxGroups)
                {
                    _groups[key] = new AlertGroup(rule.Channels, now + window);
                }

                return new AlertNotification(rule.Name, rule.Channels, alert.Subject, [alert], Grouped: false, now);
            }

            group.Channels = rule.Channels;
            if (now < group.WindowEnd)
            {
                group.Held.Add(alert);
                Interlocked.Increment(ref _held);
                return null;
            }

            if (group.Held.Count == 0)
            {
                // A quiet window the tick has not closed yet: this event starts afresh.
                group.WindowEnd = now + window;
                return new AlertNotification(rule.Name, rule.Channels, alert.Subject, [alert], Grouped: false, now);
            }

            // The window ended before the tick came round: what it held and this event go out together.
            group.Held.Add(alert);
            return Flush(key, group, now, window);
        }
    }

    /// <summary>The summaries whose windows have ended by <paramref name="now"/>; windows that held nothing close.</summary>
    public IReadOnlyList<AlertNotification> Due(DateTimeOffset now, Func<string, TimeSpan?> windowOf)
    {
        var due = new List<AlertNotification>();
        lock (_groups)
        {
            foreach (var (key, group) in _groups.ToArray())
            {
                if (now < group.WindowEnd)
                {
                    continue;
                }

                if (group.Held.Count == 0 || windowOf(key.Rule) is not { } window)
                {
                    // Nothing to say, or the rule is gone or no longer groups: what it held is let go.
                    _groups.Remove(key);
                    continue;
                }

                due.Add(Flush(key, group, now, window));
            }
        }

        return due;
    }

    private AlertNotification Flush((string Rule, string Subject) key, AlertGroup group, DateTimeOffset now, TimeSpan window)
    {
        var notification = new AlertNotification(key.Rule, group.Channels, key.Subject, group.Held.ToArray(), Grouped: true, now);
        group.Held.Clear();
        group.WindowEnd = now + window;
        return notification;
    }
}
