using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Data.Model;
using Appliance.Data.Users;
using Appliance.Web.Tests.Admin;
using Appliance.Web.Tests.Infrastructure;
using static Appliance.Web.Tests.AccessLogging.AccessLogApi;

namespace Appliance.Web.Tests.AccessLogging;

/// <summary>
/// The access log viewer's API on a real appliance with real backends: requests from several client
/// addresses, of several statuses and routes, appear newest first; every filter narrows; no query,
/// cookie, credential or path parameter is kept; bad filters are problems naming the field; a
/// Viewer may read, over the API and on the page; the summary counts.
/// </summary>
public sealed class AccessLogViewerTests(AccessLogViewerTests.ViewerHost host) : IClassFixture<AccessLogViewerTests.ViewerHost>
{
    [Fact]
    public async Task Requests_appear_newest_first_with_their_status_route_client_and_backend()
    {
        var m = Marker();
        Assert.Equal(HttpStatusCode.OK, await SendAsync("127.0.0.2", HttpMethod.Get, $"/web/{m}/a", m, 1));
        Assert.Equal(HttpStatusCode.OK, await SendAsync("127.0.0.3", HttpMethod.Get, $"/api/{m}/b", m, 2));
        Assert.Equal(HttpStatusCode.NotFound, await SendAsync("127.0.0.4", HttpMethod.Get, $"/nowhere/{m}", m, 3));
        Assert.Equal(HttpStatusCode.BadGateway, await SendAsync("127.0.0.2", HttpMethod.Post, $"/dead/{m}", m, 4));

        var body = await ReadAsync(host.Api, $"path={m}");
        var entries = body.GetProperty("entries").EnumerateArray().ToArray();
        Assert.Equal(new[] { $"/dead/{m}", $"/nowhere/{m}", $"/api/{m}/b", $"/web/{m}/a" }, Paths(entries));
        Assert.Equal(new[] { 502, 404, 200, 200 }, entries.Select(e => e.GetProperty("status").GetInt32()));
        Assert.Equal(new[] { "127.0.0.2", "127.0.0.4", "127.0.0.3", "127.0.0.2" }, entries.Select(e => e.GetProperty("client").GetString()));
        Assert.Equal(new[] { "dead", null, "api", "web" }, entries.Select(e => e.GetProperty("route").GetString()));
        Assert.Equal(new[] { "POST", "GET", "GET", "GET" }, entries.Select(e => e.GetProperty("method").GetString()));

        var web = entries[3];
        Assert.Equal("web", web.GetProperty("pool").GetString());
        Assert.Equal(host.Web.Address.TrimEnd('/'), web.GetProperty("backend").GetString());
        Assert.Equal(3, web.GetProperty("bytes").GetInt64());
        Assert.StartsWith("127.0.0.1:", web.GetProperty("host").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(web.GetProperty("requestId").GetString()));
        Assert.True(entries[0].GetProperty("time").GetDateTimeOffset() >= web.GetProperty("time").GetDateTimeOffset());

        // Each node answers for its own memory, and says which node it is and how much it keeps.
        Assert.False(string.IsNullOrEmpty(body.GetProperty("node").GetString()));
        Assert.Equal(10_000, body.GetProperty("capacity").GetInt32());
        Assert.True(body.GetProperty("held").GetInt32() >= 4);
    }

    [Fact]
    public async Task Each_filter_narrows_to_the_requests_it_names()
    {
        var m = Marker();
        await SendAsync("127.0.0.2", HttpMethod.Get, $"/web/{m}/items/1", m, 1);
        await SendAsync("127.0.0.3", HttpMethod.Get, $"/api/{m}/items/2", m, 2);
        await SendAsync("127.0.0.3", HttpMethod.Post, $"/api/{m}/orders", m, 3);
        await SendAsync("127.0.0.5", HttpMethod.Get, $"/nowhere/{m}", m, 4);
        await SendAsync("127.0.0.6", HttpMethod.Get, $"/dead/{m}", m, 5);

        async Task<string[]> FoundAsync(string filter) => Paths(await EntriesAsync(host.Api, $"path={m}&{filter}"));
        var (items1, items2, orders, nowhere, dead) = ($"/web/{m}/items/1", $"/api/{m}/items/2", $"/api/{m}/orders", $"/nowhere/{m}", $"/dead/{m}");

        Assert.Equal(new[] { nowhere }, await FoundAsync("status=404"));
        Assert.Equal(new[] { dead }, await FoundAsync("status=5xx"));
        Assert.Equal(new[] { orders, items2, items1 }, await FoundAsync("status=2XX"));
        Assert.Equal(new[] { orders, items2 }, await FoundAsync("route=api"));
        Assert.Equal(new[] { orders, items2 }, await FoundAsync("client=127.0.0.3"));
        Assert.Equal(new[] { orders, items2 }, await FoundAsync("client=" + Uri.EscapeDataString("::ffff:127.0.0.3")));
        Assert.Equal(new[] { dead, nowhere }, await FoundAsync("client=" + Uri.EscapeDataString("127.0.0.4/30")));
        Assert.Equal(new[] { orders }, await FoundAsync("method=post"));
        Assert.Equal(new[] { dead, nowhere }, await FoundAsync("take=2"));

        // A trailing star is a prefix; without one, a part of the path anywhere.
        Assert.Equal(new[] { orders, items2 }, Paths(await EntriesAsync(host.Api, "path=" + Uri.EscapeDataString($"/api/{m}*"))));
        Assert.Empty(await EntriesAsync(host.Api, "path=" + Uri.EscapeDataString($"/{m}*")));
        Assert.Equal(new[] { items2, items1 }, Paths(await EntriesAsync(host.Api, "path=" + Uri.EscapeDataString($"{m}/ITEMS"))));

        // Times bound both ends, inclusively; the entries' own times round-trip.
        var second = (await EntriesAsync(host.Api, $"path={m}&route=api&method=GET")).Single().GetProperty("time").GetString()!;
        var at = Uri.EscapeDataString(second);
        Assert.Equal(new[] { dead, nowhere, orders, items2 }, await FoundAsync($"since={at}"));
        Assert.Equal(new[] { items2, items1 }, await FoundAsync($"until={at}"));
        Assert.Equal(new[] { items2 }, await FoundAsync($"since={at}&until={at}"));
        Assert.Equal(5, (await FoundAsync("since=1h")).Length);
        Assert.Empty(await FoundAsync("until=1h"));
    }

    [Fact]
    public async Task No_query_cookie_credential_or_path_parameter_is_kept()
    {
        var m = Marker();
        string[] secrets = ["Cookie: session=secret-cookie-value", "Authorization: Bearer secret-auth-value", "X-Api-Key: secret-key-value"];
        Assert.Equal(200, (await RawHttp.SendAsync(host.ProxyAddress, "GET", $"/web/{m}/s1?token=secret&next=secret-query-value", "site.test", secrets)).Status);
        Assert.Equal(200, (await RawHttp.SendAsync(host.ProxyAddress, "GET", $"/web;jsessionid=secret-jsession/{m}/s2?x=secret-x", "site.test")).Status);
        Assert.Equal(200, (await RawHttp.SendAsync(host.ProxyAddress, "GET", $"//web/./{m}/s3;secret-param=1", "site.test")).Status);
        Assert.Equal(200, (await RawHttp.SendAsync(host.ProxyAddress, "GET", $"/web/{m}/s4%3Fnot-a-query", "site.test")).Status);

        // Refused before the path is made canonical (bytes that are not UTF-8): Kestrel's path, its parameters cut.
        Assert.Equal(400, (await RawHttp.SendAsync(host.ProxyAddress, "GET", $"/web;jsessionid=secret-refused/{m}/%C3%28", "site.test")).Status);

        // Absolute form with credentials in the authority: whatever Kestrel makes of it, they stay out.
        await RawHttp.SendAsync(host.ProxyAddress, "GET", $"http://user:secret-userinfo@site.test/web/{m}/s5?t=secret-abs", "site.test");

        var entries = await WaitForAsync(host.Api, $"path={m}", 6);
        Assert.Equal(
            new[] { $"/web/{m}/s1", $"/web/{m}/s2", $"/web/{m}/s3", $"/web/{m}/s4%3Fnot-a-query", $"/web/{m}/%C3(", $"/web/{m}/s5" }.Order(StringComparer.Ordinal),
            Paths(entries).Order(StringComparer.Ordinal));

        var everything = await host.Api.GetStringAsync("/api/v1/access-log?take=1000");
        var summary = await host.Api.GetStringAsync("/api/v1/access-log/summary");
        Assert.Contains(m, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret", summary, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_client_is_the_peer_whatever_forwarding_headers_an_untrusted_one_sends()
    {
        var m = Marker();
        var (status, _) = await RawHttp.SendAsync(
            host.ProxyAddress, "GET", $"/web/{m}/forged", "site.test", "X-Forwarded-For: 10.9.9.9", "X-Real-IP: 10.9.9.8", "Forwarded: for=10.9.9.7");
        Assert.Equal(200, status);

        var entry = (await WaitForAsync(host.Api, $"path={m}", 1)).Single();
        Assert.Equal("127.0.0.1", entry.GetProperty("client").GetString());
        Assert.Empty(await EntriesAsync(host.Api, $"path={m}&client=" + Uri.EscapeDataString("10.9.9.0/24")));
    }

    [Theory]
    [InlineData("client=10.0.0.0/33", "client")]
    [InlineData("client=somewhere", "client")]
    [InlineData("status=6xx", "status")]
    [InlineData("status=20", "status")]
    [InlineData("method=G%20T", "method")]
    [InlineData("since=2025-06-01T11:00:00Z&until=2025-06-01T10:00:00Z", "since")]
    [InlineData("since=soon", "since")]
    [InlineData("until=2025-13-01", "until")]
    [InlineData("take=0", "take")]
    [InlineData("take=1001", "take")]
    [InlineData("take=lots", "take")]
    public async Task A_bad_filter_is_a_problem_naming_the_field(string query, string field) =>
        await AssertProblemAsync("/api/v1/access-log?" + query, field);

    [Theory]
    [InlineData("minutes=0")]
    [InlineData("minutes=1441")]
    [InlineData("minutes=an-hour")]
    public async Task A_bad_summary_period_is_a_problem_naming_minutes(string query) =>
        await AssertProblemAsync("/api/v1/access-log/summary?" + query, "minutes");

    [Fact]
    public async Task A_viewer_token_may_read_the_log_and_its_summary_and_no_token_may_not()
    {
        using var created = await host.Api.PostAsJsonAsync("/api/v1/tokens", new { name = "log-reader", role = "Viewer" });
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        using var viewer = new HttpClient { BaseAddress = host.Api.BaseAddress };
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var m = Marker();
        await SendAsync("127.0.0.2", HttpMethod.Get, $"/web/{m}", m, 1);

        Assert.Equal($"/web/{m}", Paths(await EntriesAsync(viewer, $"path={m}")).Single());
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/access-log/summary")).StatusCode);

        using var anonymous = new HttpClient { BaseAddress = host.Api.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/access-log")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/access-log/summary")).StatusCode);
    }

    [Fact]
    public async Task The_summary_counts_statuses_paths_clients_and_minutes()
    {
        var before = await SummaryAsync();
        var m = Marker();
        for (var i = 1; i <= 3; i++)
        {
            await SendAsync("127.0.0.9", HttpMethod.Get, $"/web/{m}/sum", m, i);
        }

        await SendAsync("127.0.0.9", HttpMethod.Get, $"/nowhere/{m}", m, 4);
        await SendAsync("127.0.0.9", HttpMethod.Get, $"/nowhere/{m}", m, 5);
        await SendAsync("127.0.0.9", HttpMethod.Get, $"/dead/{m}", m, 6);

        var after = await SummaryAsync();
        Assert.Equal(6, Total(after) - Total(before));
        Assert.Equal(3, Class(after, "2xx") - Class(before, "2xx"));
        Assert.Equal(2, Class(after, "4xx") - Class(before, "4xx"));
        Assert.Equal(1, Class(after, "5xx") - Class(before, "5xx"));
        Assert.Contains(after.GetProperty("topPaths").EnumerateArray(), p => p.GetProperty("path").GetString() == $"/web/{m}/sum" && p.GetProperty("count").GetInt64() == 3);
        Assert.Contains(after.GetProperty("topClients").EnumerateArray(), c => c.GetProperty("client").GetString() == "127.0.0.9" && c.GetProperty("count").GetInt64() == 6);
        var minutes = after.GetProperty("perMinute").EnumerateArray().ToArray();
        Assert.Equal(60, minutes.Length);
        Assert.Equal(Total(after), minutes.Sum(x => x.GetProperty("count").GetInt64()));
        Assert.True(after.GetProperty("complete").GetBoolean());

        var five = JsonDocument.Parse(await host.Api.GetStringAsync("/api/v1/access-log/summary?minutes=5")).RootElement;
        Assert.Equal(5, five.GetProperty("perMinute").GetArrayLength());
        Assert.True(Total(five) >= 6);
    }

    [Fact]
    public async Task A_signed_in_viewer_sees_the_page_with_recent_requests_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        var users = host.App.Services.GetRequiredService<UserStore>();
        var created = await users.CreateAsync(
            new NewUser { UserName = "log-viewer", Password = "viewer passphrase 12", Role = ApplianceRoles.Viewer }, Editor.Authorized("test"));
        Assert.True(created.Succeeded);
        var m = Marker();
        await SendAsync("127.0.0.2", HttpMethod.Get, $"/web/{m}/page", m, 1);

        using (var anonymous = new AdminBrowser(host.Api.BaseAddress!))
        using (var redirected = await anonymous.GetAsync("/access-log"))
        {
            Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
            Assert.Contains("/login?ReturnUrl=" + Uri.EscapeDataString("/access-log"), redirected.Headers.Location?.OriginalString);
        }

        using var browser = new AdminBrowser(host.Api.BaseAddress!);
        (await browser.SubmitAsync("/login", "login", SignInTests.Credentials("log-viewer", "viewer passphrase 12"))).Dispose();
        using var page = await browser.GetAsync("/access-log");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("log-viewer (Viewer)", html, StringComparison.Ordinal);
        Assert.Contains($"data-log-path=\"/web/{m}/page\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/access-log\"", html, StringComparison.Ordinal);
    }

    private async Task<HttpStatusCode> SendAsync(string from, HttpMethod method, string path, string marker, int expectedCount)
    {
        using var client = ClientAt.Address(host.ProxyAddress, from);
        using var response = await client.SendAsync(new HttpRequestMessage(method, path));

        // Recorded as the response ends: waiting for each keeps the order of the log the order of sending.
        await WaitForAsync(host.Api, $"path={marker}", expectedCount);
        return response.StatusCode;
    }

    private async Task AssertProblemAsync(string url, string field)
    {
        using var response = await host.Api.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages) && messages.GetArrayLength() > 0, body);
    }

    private async Task<JsonElement> SummaryAsync() => JsonDocument.Parse(await host.Api.GetStringAsync("/api/v1/access-log/summary?minutes=60")).RootElement.Clone();

    private static long Total(JsonElement summary) => summary.GetProperty("total").GetInt64();

    private static long Class(JsonElement summary, string name) => summary.GetProperty("statusClasses").GetProperty(name).GetInt64();

    /// <summary>Routes web and api to live backends, dead to a port nothing listens on.</summary>
    public sealed class ViewerHost : ApplianceHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Admin:InitialUser"] = "ops",
            ["Appliance:Admin:InitialPassword"] = "initial passphrase 1",
        };

        public TestBackend Web { get; private set; } = null!;

        public TestBackend ApiBackend { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            (Web, ApiBackend) = (await TestBackend.StartAsync("web"), await TestBackend.StartAsync("api"));
            await AddPoolAsync(new { name = "web", backends = new[] { new { address = Web.Address } } });
            await AddPoolAsync(new { name = "api", backends = new[] { new { address = ApiBackend.Address } } });
            await AddPoolAsync(new { name = "dead", backends = new[] { new { address = $"http://127.0.0.1:{Ports.Unused()}" } } });
            foreach (var name in new[] { "web", "api", "dead" })
            {
                await AddRouteAsync(new { name, path = "/" + name, targets = new[] { new { pool = name, weight = 1 } } });
            }

            await WaitForLiveConfigAsync();
        }

        public override async Task DisposeAsync()
        {
            await Web.DisposeAsync();
            await ApiBackend.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
