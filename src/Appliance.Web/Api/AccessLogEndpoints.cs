using System.Globalization;
using Appliance.Data.Cluster;
using Appliance.Engine.AccessLogging.Viewer;

namespace Appliance.Web.Api;

/// <summary>
/// <c>/api/v1/access-log</c>: this node's recent requests, searched by status, route, client,
/// path, method and time; <c>/api/v1/access-log/summary</c>: its last minutes at a glance. Each node
/// answers for itself: the requests live in its memory.
/// </summary>
internal static class AccessLogEndpoints
{
    public const int DefaultTake = 100;

    public static RouteGroupBuilder MapAccessLogEndpoints(this RouteGroupBuilder api)
    {
        var log = api.MapGroup("/access-log").WithTags("Access log");

        log.MapGet("/", (string? status, string? route, string? client, string? path, string? method, string? since, string? until, string? take,
                AccessLogReader reader, NodeIdentity node) =>
            {
                var parsed = AccessLogFilterParser.Parse(new AccessLogFilterText(status, route, client, path, method, since, until), reader.Now);
                var errors = parsed.Errors;
                var count = ReadNumber(take, AccessLogFields.Take, DefaultTake, AccessLogReader.MaxTake, errors);
                if (errors.Count > 0 || parsed.Filter is not { } filter)
                {
                    return ApiProblems.Invalid(errors);
                }

                var entries = reader.Find(filter, count).Select(AccessLogEntryResponse.From).ToArray();
                return Results.Ok(new AccessLogResponse(node.Name, reader.Capacity, reader.Count, entries));
            })
            .Produces<AccessLogResponse>()
            .ProducesValidationProblem();

        log.MapGet("/summary", (string? minutes, AccessLogReader reader, NodeIdentity node) =>
            {
                var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                var count = ReadNumber(minutes, AccessLogFields.Minutes, 60, AccessLogReader.MaxSummaryMinutes, errors);
                return errors.Count > 0
                    ? ApiProblems.Invalid(errors)
                    : Results.Ok(AccessLogSummaryResponse.Of(node.Name, reader.Capacity, reader.Summarize(count)));
            })
            .Produces<AccessLogSummaryResponse>()
            .ProducesValidationProblem();
        return api;
    }

    // Read here rather than bound as int?, so that "take=lots" is a problem naming the field like every other.
    private static int ReadNumber(string? text, string field, int fallback, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max)
        {
            return value;
        }

        errors[field] = [$"{field} must be a whole number from 1 to {max}."];
        return fallback;
    }
}
