using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Security;

public sealed class ShieldTests(ShieldTests.BehindTrustedProxyHost host) : IClassFixture<ShieldTests.BehindTrustedProxyHost>, IAsyncLifetime
{
    private TestBackend _backend = null!;

    public async Task InitializeAsync()
    {
        _backend = await TestBackend.StartAsync("shielded");
        using var existing = await host.Api.GetAsync("/api/v1/pools/shielded");
        if (existing.StatusCode == HttpStatusCode.NotFound)
        {
            await host.AddPoolAsync(new { name = "shielded", backends = new[] { new { address = _backend.Address } } });
        }
        else
        {
            (await host.Api.PutAsJsonAsync("/api/v1/pools/shielded", new { name = "shielded", backends = new[] { new { address = _backend.Address } } })).EnsureSuccessStatusCode();
        }
    }

    public async Task DisposeAsync() => await _backend.DisposeAsync();

    [Fact]
    public async Task Access_lists_allow_and_deny_v4_and_v6_ranges_first_match_first_then_the_default()
    {
        await SaveAsync("/api/v1/access-lists", new
        {
            name = "office",
            defaultAction = "Deny",
            rules = new object[]
            {
                new { action = "Allow", cidr = "203.0.113.0/24" },
                new { action = "Deny", cidr = "203.0.113.7" },
                new { action = "Allow", cidr = "2001:db8::/32" },
            },
        });
        await host.AddRouteAsync(new { name = "office", hosts = new[] { "office.test" }, targets = new[] { new { pool = "shielded", weight = 1 } }, accessList = "office" });
        await host.WaitForLiveConfigAsync();

        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync("office.test", "203.0.113.7"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusFromAsync("office.test", "198.51.100.1"));
        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync("office.test", "2001:db8::1"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusFromAsync("office.test", "2001:db9::1"));

        // Order decides: the deny of one address now comes first.
        using (var put = await host.Api.PutAsJsonAsync("/api/v1/access-lists/office", new
        {
            defaultAction = "Deny",
            rules = new object[] { new { action = "Deny", cidr = "203.0.113.7" }, new { action = "Allow", cidr = "203.0.113.0/24" } },
        }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await host.WaitForLiveConfigAsync();
        Assert.Equal(HttpStatusCode.Forbidden, await StatusFromAsync("office.test", "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync("office.test", "203.0.113.8"));

        var match = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/access-lists/office/match?ip=203.0.113.7");
        Assert.Equal("Deny", match.GetProperty("action").GetString());
        Assert.Equal(0, match.GetProperty("rule").GetInt32());
        var byDefault = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/access-lists/office/match?ip=192.0.2.1");
        Assert.True(byDefault.GetProperty("byDefault").GetBoolean());
        using var badIp = await host.Api.GetAsync("/api/v1/access-lists/office/match?ip=not-an-ip");
        Assert.Equal(HttpStatusCode.BadRequest, badIp.StatusCode);

        var blocked = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/security/blocked");
        Assert.Contains(blocked.GetProperty("latest").EnumerateArray(), b => b.GetProperty("client").GetString() == "198.51.100.1");
        using var scraper = new HttpClient { BaseAddress = host.Api.BaseAddress };
        Assert.Matches("appliance_blocked_requests_total\\{reason=\"access-list\",route=\"office\"\\} [1-9]", await scraper.GetStringAsync("/metrics"));
    }

    [Fact]
    public async Task A_list_that_drops_closes_the_connection_without_a_reply_and_a_bad_rule_is_refused()
    {
        await SaveAsync("/api/v1/access-lists", new { name = "silent", defaultAction = "Deny", denyAction = "Drop", rules = Array.Empty<object>() });
        await host.AddRouteAsync(new { name = "silent", hosts = new[] { "silent.test" }, targets = new[] { new { pool = "shielded", weight = 1 } }, accessList = "silent" });
        await host.WaitForLiveConfigAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => StatusFromAsync("silent.test", "198.51.100.9"));
        Assert.Equal(0, _backend.Requests);

        using var bad = await host.Api.PostAsJsonAsync("/api/v1/access-lists", new { name = "bad", rules = new[] { new { action = "Allow", cidr = "300.1.2.3/8" } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("rules[0].cidr", await bad.Content.ReadAsStringAsync());
        using var unknown = await host.Api.PostAsJsonAsync("/api/v1/routes", new { name = "dangling", targets = new[] { new { pool = "shielded", weight = 1 } }, accessList = "nope" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Basic_auth_wants_the_right_credentials_keeps_them_from_the_backend_and_never_shows_a_password()
    {
        await SaveAsync("/api/v1/access-lists", new
        {
            name = "staff",
            defaultAction = "Allow",
            basicAuthUsers = new[] { new { user = "ops", password = "correct horse battery" } },
        });
        await host.AddRouteAsync(new { name = "staff", hosts = new[] { "staff.test" }, targets = new[] { new { pool = "shielded", weight = 1 } }, accessList = "staff" });
        await host.WaitForLiveConfigAsync();

        using (var missing = await SendAsync(null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
            Assert.Equal("Basic realm=\"Restricted\", charset=\"UTF-8\"", missing.Headers.WwwAuthenticate.ToString());
        }

        using (var wrong = await SendAsync("ops:wrong password here"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var unknown = await SendAsync("root:correct horse battery"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        }

        Assert.Equal(0, _backend.Requests);
        using (var right = await SendAsync("ops:correct horse battery"))
        {
            Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        }

        Assert.False(_backend.ReceivedHeaders.Single().ContainsKey("Authorization"));

        // Saving the list again without the password keeps it; nothing the API answers carries it or its hash.
        using (var resave = await host.Api.PutAsJsonAsync("/api/v1/access-lists/staff", new { defaultAction = "Allow", basicAuthUsers = new[] { new { user = "ops" } } }))
        {
            Assert.Equal(HttpStatusCode.OK, resave.StatusCode);
        }

        await host.WaitForLiveConfigAsync();
        using (var still = await SendAsync("ops:correct horse battery"))
        {
            Assert.Equal(HttpStatusCode.OK, still.StatusCode);
        }

        foreach (var path in new[] { "/api/v1/access-lists", "/api/v1/config", "/api/v1/audit?take=1000" })
        {
            var answer = await host.Api.GetStringAsync(path);
            Assert.DoesNotContain("correct horse", answer);
            Assert.DoesNotContain("AQAAAA", answer);
        }

        using var newUserWithoutPassword = await host.Api.PutAsJsonAsync("/api/v1/access-lists/staff", new { basicAuthUsers = new[] { new { user = "new" } } });
        Assert.Equal(HttpStatusCode.BadRequest, newUserWithoutPassword.StatusCode);
        Assert.Contains("basicAuthUsers[0].password", await newUserWithoutPassword.Content.ReadAsStringAsync());

        async Task<HttpResponseMessage> SendAsync(string? credentials)
        {
            using var client = host.CreateProxyClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Host = "staff.test";
            if (credentials is not null)
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credentials)));
            }

            return await client.SendAsync(request);
        }
    }

    [Fact]
    public async Task Ten_wrong_guesses_from_one_address_get_it_429_for_five_minutes_on_basic_auth_while_other_addresses_sign_in()
    {
        await SaveAsync("/api/v1/access-lists", new
        {
            name = "guessed",
            defaultAction = "Allow",
            basicAuthUsers = new[] { new { user = "ops", password = "correct horse battery" } },
        });
        await host.AddRouteAsync(new { name = "guessed", hosts = new[] { "guessed.test" }, targets = new[] { new { pool = "shielded", weight = 1 } }, accessList = "guessed" });
        await host.WaitForLiveConfigAsync();

        for (var i = 0; i < 10; i++)
        {
            using var wrong = await SendAsync("198.51.100.70", $"ops:guess number {i}");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        // Even the right password: a blocked address learns nothing more.
        using (var blocked = await SendAsync("198.51.100.70", "ops:correct horse battery"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
            Assert.InRange(blocked.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 290, 300);
        }

        using (var other = await SendAsync("198.51.100.71", "ops:correct horse battery"))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        using var scraper = new HttpClient { BaseAddress = host.Api.BaseAddress };
        var metrics = await scraper.GetStringAsync("/metrics");
        Assert.Matches("appliance_blocked_requests_total\\{reason=\"basic-auth-throttled\",route=\"guessed\"\\} 1", metrics);
        Assert.Matches("appliance_basic_auth_tracked_addresses [1-9]", metrics);

        async Task<HttpResponseMessage> SendAsync(string client, string credentials)
        {
            using var http = host.CreateProxyClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Host = "guessed.test";
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", client);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credentials)));
            return await http.SendAsync(request);
        }
    }

    [Fact]
    public async Task Over_the_limit_is_429_with_Retry_After_and_the_limit_recovers()
    {
        // A token every two seconds: a slow machine still sends three requests before one comes back.
        await SaveAsync("/api/v1/rate-limits", new { name = "tight", permits = 2, periodSeconds = 4, burst = 2 });
        await host.AddRouteAsync(new { name = "tight", hosts = new[] { "tight.test" }, targets = new[] { new { pool = "shielded", weight = 1 } }, rateLimit = "tight" });
        await host.WaitForLiveConfigAsync();

        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync("tight.test", "198.51.100.20"));
        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync("tight.test", "198.51.100.20"));
        using (var limited = await SendFromAsync("tight.test", "198.51.100.20"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 2);
        }

        // Another address has its own bucket.
        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync("tight.test", "198.51.100.21"));
        await Eventually.TrueAsync(async () => await StatusFromAsync("tight.test", "198.51.100.20") == HttpStatusCode.OK, TimeSpan.FromSeconds(5), "the bucket to refill");
    }

    [Fact]
    public async Task A_login_policy_of_five_a_minute_stops_the_sixth_attempt()
    {
        await SaveAsync("/api/v1/rate-limits", new { name = "login", permits = 5, periodSeconds = 60, burst = 5 });
        await host.AddRouteAsync(new { name = "login", hosts = new[] { "app.test" }, path = "/login", targets = new[] { new { pool = "shielded", weight = 1 } }, rateLimit = "login" });
        await host.WaitForLiveConfigAsync();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await StatusFromAsync("app.test", "198.51.100.30", "/login"));
        }

        using var sixth = await SendFromAsync("app.test", "198.51.100.30", "/login");
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.InRange(sixth.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 12);
    }

    [Fact]
    public async Task The_concurrency_cap_refuses_a_second_request_in_flight_from_one_address()
    {
        await SaveAsync("/api/v1/rate-limits", new { name = "one-at-a-time", permits = 1000, periodSeconds = 1, burst = 1000, maxConcurrent = 1 });
        await host.AddRouteAsync(new { name = "single", hosts = new[] { "single.test" }, targets = new[] { new { pool = "shielded", weight = 1 } }, rateLimit = "one-at-a-time" });
        await host.WaitForLiveConfigAsync();
        _backend.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var first = SendFromAsync("single.test", "198.51.100.40", "/slow/1");
        await Eventually.TrueAsync(() => _backend.Requests >= 1, TimeSpan.FromSeconds(5), "the first request to reach the backend");
        using (var second = await SendFromAsync("single.test", "198.51.100.40", "/slow/2"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        }

        _backend.Gate.SetResult();
        using (var done = await first)
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, await StatusFromAsync("single.test", "198.51.100.40"));
    }

    private async Task SaveAsync(string collection, object body)
    {
        using var response = await host.Api.PostAsJsonAsync(collection, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpStatusCode> StatusFromAsync(string hostName, string forwardedFor, string path = "/")
    {
        using var response = await SendFromAsync(hostName, forwardedFor, path);
        return response.StatusCode;
    }

    private async Task<HttpResponseMessage> SendFromAsync(string hostName, string forwardedFor, string path = "/")
    {
        using var client = host.CreateProxyClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = hostName;
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }

    /// <summary>The tests' own loopback address is a trusted proxy, so X-Forwarded-For plays the client.</summary>
    public sealed class BehindTrustedProxyHost : ApplianceHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Appliance:Proxy:TrustedProxies:0"] = "127.0.0.1/32" };
    }
}
