using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Appliance.Web.Tests.Infrastructure;

/// <summary>
/// A cookie-keeping HTTP client for the admin site's static pages: it reads a form's antiforgery
/// token and posts the form as a browser would, without following redirects so tests see them.
/// Given <c>from</c>, it connects from that local address (any 127.x.y.z works on Linux), so tests
/// can be clients at different addresses without trusting forwarded headers.
/// </summary>
public sealed partial class AdminBrowser : IDisposable
{
    private readonly HttpClient _client;

    public AdminBrowser(Uri adminAddress, IPAddress? from = null)
    {
        Cookies = new CookieContainer();
        var handler = new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false };
        if (from is not null)
        {
            handler.ConnectCallback = (context, cancellationToken) => ConnectFromAsync(from, context.DnsEndPoint, cancellationToken);
        }

        _client = new HttpClient(handler) { BaseAddress = adminAddress };
    }

    public CookieContainer Cookies { get; }

    /// <summary>Headers sent with every request from now on: what a proxy in front of the site adds, say.</summary>
    public System.Net.Http.Headers.HttpRequestHeaders Headers => _client.DefaultRequestHeaders;

    public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(path);

    /// <summary>
    /// Loads the page at <paramref name="path"/> and posts its form named <paramref name="formName"/>
    /// with the given fields, to the page itself or to the form's <paramref name="action"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, string formName, IDictionary<string, string> fields, string? action = null)
    {
        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = await FormTokenAsync(path),
        };
        return await _client.PostAsync(action ?? path, new FormUrlEncodedContent(form));
    }

    /// <summary>The antiforgery token of the first form on the page at <paramref name="path"/>, as a browser tab holds it.</summary>
    public async Task<string> FormTokenAsync(string path)
    {
        using var page = await _client.GetAsync(path);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        return token.Success
            ? WebUtility.HtmlDecode(token.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {path} ({(int)page.StatusCode}).");
    }

    public Task<HttpResponseMessage> PostAsync(string path, IDictionary<string, string> fields) =>
        _client.PostAsync(path, new FormUrlEncodedContent(fields));

    /// <summary>Copies every cookie this browser holds into <paramref name="other"/>: a stolen or replayed session.</summary>
    public void CopyCookiesTo(AdminBrowser other) => other.Cookies.Add(Cookies.GetAllCookies());

    public void Dispose() => _client.Dispose();

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress from, DnsEndPoint to, CancellationToken cancellationToken)
    {
        var socket = new Socket(from.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(from, 0));
            await socket.ConnectAsync(to, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
