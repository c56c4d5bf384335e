using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Appliance.Engine.Alerts;

/// <summary>
/// Writes a notification as the webhook's JSON (the shape the README documents) and as an e-mail's
/// subject and text. The same facts in both; no secret is ever part of either.
/// </summary>
public static class AlertPayload
{
    private const int MaxEventsListed = 50;

    /// <summary>The message for <paramref name="notification"/> sent to <paramref name="channel"/> by <paramref name="node"/>.</summary>
    public static AlertMessage Build(AlertNotification notification, string channel, string node, string deliveryId)
    {
        var latest = notification.Latest;
        var summary = Summary(notification);
        var json = new JsonObject
        {
            ["id"] = deliveryId,
            ["event"] = latest.Kind,
            ["severity"] = AlertSeverity.Of(latest.Kind),
            ["subject"] = notification.Subject,
            ["summary"] = summary,
            ["at"] = notification.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["node"] = node,
            ["rule"] = notification.Rule,
            ["channel"] = channel,
            ["count"] = notification.Count,
            ["grouped"] = notification.Grouped,
            ["test"] = latest.Kind == Data.Model.AlertEvents.Test,
            ["events"] = new JsonArray(notification.Events.TakeLast(MaxEventsListed).Select(Event).ToArray<JsonNode?>()),
        };
        var subject = $"[Appliance] {AlertSeverity.Of(latest.Kind)}: {summary}";
        return new AlertMessage(deliveryId, latest.Kind, Encoding.UTF8.GetBytes(json.ToJsonString()), Truncate(subject, 200), Text(notification, summary, node, channel));
    }

    /// <summary>One line: the event's own for a single one; for a summary, how many of each kind and the latest.</summary>
    public static string Summary(AlertNotification notification)
    {
        if (!notification.Grouped)
        {
            return notification.Latest.Summary;
        }

        var kinds = string.Join(", ", notification.Events.GroupBy(e => e.Kind).Select(g => $"{g.Count()} × {g.Key}"));
        return $"{notification.Count} more event(s) for {notification.Subject} ({kinds}); latest: {notification.Latest.Summary}";
    }

    private static JsonObject Event(AlertEvent alert)
    {
        var details = new JsonObject();
        foreach (var (key, value) in alert.Details)
        {
            details[key] = value;
        }

        var json = new JsonObject
        {
            ["event"] = alert.Kind,
            ["at"] = alert.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["summary"] = alert.Summary,
            ["node"] = alert.Node,
            ["details"] = details,
        };
        if (alert.DaysLeft is { } days)
        {
            json["daysLeft"] = days;
        }

        return json;
    }

    private static string Text(AlertNotification notification, string summary, string node, string channel)
    {
        var text = new StringBuilder()
            .Append(summary).Append("\r\n\r\n")
            .Append("Rule: ").Append(notification.Rule).Append(", channel: ").Append(channel).Append(", sent by node ").Append(node).Append(".\r\n");
        foreach (var alert in notification.Events.TakeLast(MaxEventsListed))
        {
            text.Append("\r\n").Append(alert.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))
                .Append("  ").Append(alert.Kind).Append("  ").Append(alert.Summary);
            foreach (var (key, value) in alert.Details)
            {
                text.Append("\r\n    ").Append(key).Append(": ").Append(value);
            }
        }

        return text.Append("\r\n").ToString();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
