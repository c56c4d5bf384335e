using System.Net.Http.Json;
using System.Text.Json;

namespace Appliance.Web.Tests.Cluster;

/// <summary>Reads <c>GET /api/v1/nodes</c> as the API's client would.</summary>
internal static class NodeListing
{
    public static async Task<IReadOnlyList<JsonElement>> ReadAsync(HttpClient api, string query = "") =>
        await api.GetFromJsonAsync<JsonElement[]>("/api/v1/nodes" + query) ?? [];

    public static JsonElement? Find(IReadOnlyList<JsonElement> nodes, string name) =>
        nodes.Where(n => n.GetProperty("name").GetString() == name).Select(n => (JsonElement?)n).FirstOrDefault();

    public static bool Is(JsonElement? node, string status) => node?.GetProperty("status").GetString() == status;
}
