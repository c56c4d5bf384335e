using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Engine.Challenge;
using Appliance.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Web.Tests.Challenge;

/// <summary>
/// The proof-of-work challenge on the real data plane: a plain client gets the page and never the
/// backend, a client that does the page's work gets a clearance and the backend, and every way of
/// getting a clearance without the work (another address's cookie, an expired, forged or altered
/// one, a replayed proof, a stray X-Forwarded-For) gets the page again.
/// </summary>
public sealed class ChallengeTests(ChallengeTests.ChallengeHost host) : IClassFixture<ChallengeTests.ChallengeHost>
{
    [Fact]
    public async Task A_plain_client_gets_the_page_and_not_the_backend()
    {
        var before = host.Backend.Requests;
        using var client = NewClient();
        using var response = await client.GetAsync("/guarded/page?x=1");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("<noscript>", html);
        Assert.DoesNotContain("src=", html);
        Assert.Equal("/guarded/page?x=1", ChallengeProof.Read(html).Return);
        using var post = await client.PostAsync("/guarded/form", new StringContent("a=1"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(before, host.Backend.Requests);
    }

    [Fact]
    public async Task A_client_that_does_the_work_gets_a_clearance_and_reaches_the_backend()
    {
        using var client = NewClient();
        var cookie = await SolveAsync(client, "/guarded/page?x=1", expectLocation: "/guarded/page?x=1");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/guarded/page?x=1") { Headers = { { "Cookie", cookie } } };
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("backend", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_proof_solved_once_cannot_be_used_again()
    {
        using var client = NewClient();
        var form = ChallengeProof.Read(await (await client.GetAsync("/guarded/x")).Content.ReadAsStringAsync());
        var counter = ChallengeProof.Solve(form.Token, form.Difficulty);

        using var first = await client.PostAsync(ChallengePaths.Answer, ChallengeProof.Answer(form.Token, counter, "/guarded/x"));
        using var again = await client.PostAsync(ChallengePaths.Answer, ChallengeProof.Answer(form.Token, counter, "/guarded/x"));

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.False(again.Headers.Contains("Set-Cookie"));
        Assert.NotEqual(form.Token, ChallengeProof.Read(await again.Content.ReadAsStringAsync()).Token);
        Assert.Matches("appliance_challenge_total\\{result=\"replayed\"\\} [1-9]", await new HttpClient { BaseAddress = host.Api.BaseAddress }.GetStringAsync("/metrics"));
    }

    [Theory]
    [InlineData("wrong-counter")]
    [InlineData("forged-token")]
    [InlineData("altered-token")]
    [InlineData("clearance-as-token")]
    public async Task A_wrong_or_forged_proof_gets_the_page_again(string kind)
    {
        using var client = NewClient();
        var form = ChallengeProof.Read(await (await client.GetAsync("/guarded/x")).Content.ReadAsStringAsync());
        var counter = ChallengeProof.Solve(form.Token, form.Difficulty);
        var (token, sent) = kind switch
        {
            "wrong-counter" => (form.Token, (long.Parse(counter) + 1).ToString()),
            "forged-token" => ("CfDJ8forged" + new string('A', 120), counter),
            "altered-token" => (form.Token[..^3] + (form.Token[^3] == 'A' ? 'B' : 'A') + form.Token[^2..], counter),
            _ => (Tokens().Clear("127.0.0.1", 60), counter),
        };
        var solved = kind == "wrong-counter" ? sent : ChallengeProof.Solve(token, form.Difficulty);

        using var response = await client.PostAsync(ChallengePaths.Answer, ChallengeProof.Answer(token, solved, "/guarded/x"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("another-address")]
    [InlineData("expired")]
    [InlineData("forged")]
    [InlineData("altered")]
    [InlineData("challenge-as-cookie")]
    public async Task A_cookie_that_is_not_this_clients_valid_clearance_is_refused(string kind)
    {
        var tokens = Tokens();
        var cookie = kind switch
        {
            "another-address" => tokens.Clear("198.51.100.7", 60),
            "expired" => new ChallengeTokens(DataProtection(), new ShiftedClock(TimeSpan.FromMinutes(-61))).Clear("127.0.0.1", 60),
            "forged" => "CfDJ8" + new string('x', 150),
            "altered" => Alter(tokens.Clear("127.0.0.1", 60)),
            _ => tokens.Issue("127.0.0.1", 4, 60),
        };
        var before = host.Backend.Requests;
        using var client = NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/guarded/x") { Headers = { { "Cookie", $"{ChallengePaths.ClearanceCookie}={cookie}" } } };
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, host.Backend.Requests);

        // The control: the same sealing for this address, unexpired, passes.
        using var good = new HttpRequestMessage(HttpMethod.Get, "/guarded/x") { Headers = { { "Cookie", $"{ChallengePaths.ClearanceCookie}={tokens.Clear("127.0.0.1", 60)}" } } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(good)).StatusCode);
    }

    [Fact]
    public async Task A_stray_forwarded_for_from_an_untrusted_peer_does_not_change_the_bound_address()
    {
        using var client = NewClient();
        using var page = new HttpRequestMessage(HttpMethod.Get, "/guarded/x") { Headers = { { "X-Forwarded-For", "203.0.113.9" } } };
        var form = ChallengeProof.Read(await (await client.SendAsync(page)).Content.ReadAsStringAsync());
        using var answer = new HttpRequestMessage(HttpMethod.Post, ChallengePaths.Answer)
        {
            Content = ChallengeProof.Answer(form.Token, ChallengeProof.Solve(form.Token, form.Difficulty), "/guarded/x"),
            Headers = { { "X-Forwarded-For", "203.0.113.9" } },
        };
        using var answered = await client.SendAsync(answer);
        var cookie = CookieOf(answered);

        // The clearance is the peer's (127.0.0.1): it works without the header, and one made for the claimed address does not.
        using var plain = new HttpRequestMessage(HttpMethod.Get, "/guarded/x") { Headers = { { "Cookie", cookie } } };
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(plain)).StatusCode);
        using var claimed = new HttpRequestMessage(HttpMethod.Get, "/guarded/x")
        {
            Headers = { { "Cookie", $"{ChallengePaths.ClearanceCookie}={Tokens().Clear("203.0.113.9", 60)}" }, { "X-Forwarded-For", "203.0.113.9" } },
        };
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(claimed)).StatusCode);
    }

    [Theory]
    [InlineData("//.within/appliance/challenge")]
    [InlineData("/.within%2Fappliance%2Fchallenge")]
    [InlineData("/.within/appliance/challenge;x")]
    [InlineData("/.WITHIN/appliance/./challenge")]
    public async Task Odd_spellings_of_the_answer_path_are_answered_by_the_appliance_and_never_forwarded(string target)
    {
        using var client = NewClient();
        var form = ChallengeProof.Read(await (await client.GetAsync("/guarded/x")).Content.ReadAsStringAsync());
        var body = await ChallengeProof.Answer(form.Token, ChallengeProof.Solve(form.Token, form.Difficulty), "/guarded/x").ReadAsStringAsync();

        var (status, response) = await RawHttp.SendAsync(host.ProxyAddress, "POST", target, "site.test",
            "Content-Type: application/x-www-form-urlencoded", $"Content-Length: {body.Length}\r\n\r\n{body}");

        Assert.True(status == 303, response);
        Assert.Contains($"Set-Cookie: {ChallengePaths.ClearanceCookie}=", response);
        Assert.DoesNotContain(host.Backend.ReceivedTargets, t => t.Contains("within", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task The_way_back_never_leaves_the_host(string returnTo)
    {
        using var client = NewClient();
        var form = ChallengeProof.Read(await (await client.GetAsync("/guarded/x")).Content.ReadAsStringAsync());
        using var response = await client.PostAsync(ChallengePaths.Answer, ChallengeProof.Answer(form.Token, ChallengeProof.Solve(form.Token, form.Difficulty), returnTo));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/open/x")]
    [InlineData("/quiet/x")]
    public async Task Routes_with_the_challenge_off_or_waiting_for_an_attack_reach_the_backend(string path)
    {
        using var client = NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_api_refuses_a_bad_challenge_by_field()
    {
        using var response = await host.Api.PostAsJsonAsync("/api/v1/routes", new
        {
            name = "bad-challenge",
            path = "/bad",
            targets = new[] { new { pool = "backend", weight = 1 } },
            challenge = new { mode = "Sometimes", difficulty = 9, validMinutes = 0 },
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("challenge.mode", out _), problem.ToString());
        Assert.True(errors.TryGetProperty("challenge.difficulty", out _), problem.ToString());
        Assert.True(errors.TryGetProperty("challenge.validMinutes", out _), problem.ToString());
    }

    private async Task<string> SolveAsync(HttpClient client, string path, string expectLocation)
    {
        var form = ChallengeProof.Read(await (await client.GetAsync(path)).Content.ReadAsStringAsync());
        using var response = await client.PostAsync(ChallengePaths.Answer, ChallengeProof.Answer(form.Token, ChallengeProof.Solve(form.Token, form.Difficulty), form.Return));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(expectLocation, response.Headers.Location?.OriginalString);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        return CookieOf(response);
    }

    private static string CookieOf(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];

    private static string Alter(string sealedValue) =>
        sealedValue[..20] + (sealedValue[20] == 'A' ? 'B' : 'A') + sealedValue[21..];

    private HttpClient NewClient() => host.CreateProxyClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });

    private IDataProtectionProvider DataProtection() => host.App.Services.GetRequiredService<IDataProtectionProvider>();

    private ChallengeTokens Tokens() => host.App.Services.GetRequiredService<ChallengeTokens>();

    /// <summary>The real clock moved by an offset: a clearance sealed "an hour ago".</summary>
    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }

    /// <summary>One backend behind a challenged route, a route with the challenge off and one that waits for the under-attack switch.</summary>
    public sealed class ChallengeHost : ApplianceHost
    {
        public TestBackend Backend { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            Backend = await TestBackend.StartAsync("backend");
            await AddPoolAsync(new { name = "backend", backends = new[] { new { address = Backend.Address } } });
            var targets = new[] { new { pool = "backend", weight = 1 } };
            await AddRouteAsync(new { name = "guarded", path = "/guarded", targets, challenge = new { mode = "Always", difficulty = 3, validMinutes = 60 } });
            await AddRouteAsync(new { name = "open", path = "/open", targets, challenge = new { mode = "Off", difficulty = 4, validMinutes = 60 } });
            await AddRouteAsync(new { name = "quiet", path = "/quiet", targets, challenge = new { mode = "UnderAttack", difficulty = 4, validMinutes = 60 } });
            await WaitForLiveConfigAsync();
        }

        public override async Task DisposeAsync()
        {
            await Backend.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
