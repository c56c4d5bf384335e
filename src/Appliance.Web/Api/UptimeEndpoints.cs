using System.Text.RegularExpressions;
using Appliance.Engine.Uptime;

namespace Appliance.Web.Api;

/// <summary><c>/api/v1/uptime</c>: each configured backend's uptime over 24 hours, 7 and 30 days, its transitions and its last day's timeline, as one node saw them.</summary>
internal static partial class UptimeEndpoints
{
    public static RouteGroupBuilder MapUptimeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/uptime", async (string? pool, string? backend, string? node, UptimeReader reader, CancellationToken ct) =>
                node is not null && !NodeName().IsMatch(node)
                    ? ApiProblems.Invalid("node", $"'{node}' is not a node name (1 to 100 letters, digits, '.', '_' or '-').")
                    : Results.Ok(await reader.ReadAsync(Empty(pool), Empty(backend), Empty(node), ct)))
            .WithTags("Health")
            .Produces<BackendUptime[]>();
        return api;
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex NodeName();
}
