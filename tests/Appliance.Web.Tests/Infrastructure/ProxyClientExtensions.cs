namespace Appliance.Web.Tests.Infrastructure;

public static class ProxyClientExtensions
{
    /// <summary>GET with a Host header, as a browser on that site would send it.</summary>
    public static async Task<HttpResponseMessage> GetWithHostAsync(this HttpClient client, string hostHeader, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = hostHeader;
        return await client.SendAsync(request);
    }

    /// <summary>The body of a GET with a Host header.</summary>
    public static async Task<string> GetBodyAsync(this HttpClient client, string hostHeader, string path)
    {
        using var response = await client.GetWithHostAsync(hostHeader, path);
        return await response.Content.ReadAsStringAsync();
    }
}
