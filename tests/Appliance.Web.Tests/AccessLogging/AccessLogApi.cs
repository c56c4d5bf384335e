using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.AccessLogging;

/// <summary>Reads <c>/api/v1/access-log</c> as a client would, and waits for requests to show up in it.</summary>
internal static class AccessLogApi
{
    public static async Task<JsonElement> ReadAsync(HttpClient api, string query)
    {
        using var response = await api.GetAsync("/api/v1/access-log?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{query}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement[]> EntriesAsync(HttpClient api, string query) =>
        (await ReadAsync(api, query)).GetProperty("entries").EnumerateArray().ToArray();

    /// <summary>Waits until the filter <paramref name="query"/> finds at least <paramref name="count"/> requests: a request is recorded as its response ends.</summary>
    public static async Task<JsonElement[]> WaitForAsync(HttpClient api, string query, int count)
    {
        JsonElement[] entries = [];
        await Eventually.TrueAsync(
            async () => (entries = await EntriesAsync(api, query)).Length >= count,
            TimeSpan.FromSeconds(10),
            () => $"{count} entries for '{query}', found {entries.Length}");
        return entries;
    }

    public static string[] Paths(IEnumerable<JsonElement> entries) => entries.Select(e => e.GetProperty("path").GetString()!).ToArray();

    public static string Marker() => "m" + Guid.NewGuid().ToString("N")[..12];
}
