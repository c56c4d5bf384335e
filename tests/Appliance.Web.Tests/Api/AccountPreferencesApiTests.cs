using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Appliance.Data.Model;
using Appliance.Data.Users;
using Appliance.Web.Tests.Admin;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Api;

/// <summary>
/// <c>GET/PUT /api/v1/account/preferences</c> on a real appliance: the signed-in user's own theme,
/// kept per user and audited as their own update; answered to the admin site's cookie only (an API
/// token is nobody's account), refused after sign-out, from another origin and for anything but one
/// of the three themes.
/// </summary>
public sealed class AccountPreferencesApiTests(AccountPreferencesApiTests.PreferencesHost host) : IClassFixture<AccountPreferencesApiTests.PreferencesHost>
{
    private const string Path = "/api/v1/account/preferences";
    private const string Password = "preferences passphrase 1";

    private static int _nextAddress;

    [Fact]
    public async Task A_user_reads_and_sets_their_own_theme_which_is_audited_and_not_anyone_elses()
    {
        using var alice = await SignInAsync("pref-alice");
        using var bob = await SignInAsync("pref-bob", ApplianceRoles.Viewer);

        Assert.Equal("System", await ThemeAsync(alice));
        using (var set = await PutAsync(alice, """{"theme": "Dark"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            Assert.Equal("Dark", (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("theme").GetString());
        }

        Assert.Equal("Dark", await ThemeAsync(alice));
        Assert.Equal("System", await ThemeAsync(bob));

        // A Viewer changes their own preferences too: they are not configuration.
        using (var viewer = await PutAsync(bob, """{"theme": "light"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        }

        Assert.Equal("Light", await ThemeAsync(bob));
        Assert.Equal("Dark", await ThemeAsync(alice));

        var audit = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/audit?take=50");
        var entry = audit.EnumerateArray().First(e => e.GetProperty("entityName").GetString() == "pref-alice");
        Assert.Equal(("pref-alice", "Update", "user"), (entry.GetProperty("actor").GetString(), entry.GetProperty("action").GetString(), entry.GetProperty("entityType").GetString()));
        Assert.Equal("System", entry.GetProperty("before").GetProperty("theme").GetString());
        Assert.Equal("Dark", entry.GetProperty("after").GetProperty("theme").GetString());

        // Saving what is stored already changes nothing and writes no entry.
        var entries = audit.GetArrayLength();
        using (var again = await PutAsync(alice, """{"theme": "Dark"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.Equal(entries, (await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/audit?take=50")).GetArrayLength());
    }

    [Theory]
    [InlineData("""{"theme": "Purple"}""", "theme")]
    [InlineData("""{"theme": 2}""", "theme")]
    [InlineData("""{"theme": null}""", "theme")]
    [InlineData("""{}""", "theme")]
    [InlineData("""{"theme": "Dark", "colour": "red"}""", "colour")]
    [InlineData("""{"theme": "Dark""", "body")]
    public async Task Anything_but_one_of_the_three_themes_is_a_problem_naming_the_field(string body, string field)
    {
        using var carol = await SignInAsync("pref-carol");
        using var refused = await PutAsync(carol, body);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal("System", await ThemeAsync(carol));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused()
    {
        using var dave = await SignInAsync("pref-dave");
        using var request = new HttpRequestMessage(HttpMethod.Put, Path) { Content = new StringContent("theme=Dark", Encoding.UTF8, "application/x-www-form-urlencoded") };
        using var refused = await dave.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Equal("System", await ThemeAsync(dave));
    }

    [Fact]
    public async Task Api_tokens_and_strangers_get_401_and_a_signed_out_cookie_stops_working()
    {
        // The bootstrap token is an Admin of the API, but nobody's account.
        using (var token = await host.Api.GetAsync(Path))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
            Assert.Contains("API token has none", await token.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var tokenWrite = await host.Api.PutAsJsonAsync(Path, new { theme = "Dark" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, tokenWrite.StatusCode);
        }

        using var stranger = new HttpClient { BaseAddress = host.Api.BaseAddress };
        using (var anonymous = await stranger.GetAsync(Path))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using var erin = await SignInAsync("pref-erin");
        using var thief = new SignedInClient(new AdminBrowser(host.Api.BaseAddress!), host.Api.BaseAddress!);
        erin.Browser.CopyCookiesTo(thief.Browser);
        Assert.Equal("System", await ThemeAsync(thief));

        using (var signedOut = await erin.Browser.SubmitAsync("/", "logout", new Dictionary<string, string>(), action: "/logout"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        using (var replayed = await PutAsync(thief, """{"theme": "Dark"}"""))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        }

        Assert.Equal(Data.Users.Preferences.ThemePreference.System, (await host.Preferences.GetAsync("pref-erin"))!.Theme);
    }

    [Fact]
    public async Task A_write_from_another_origin_is_refused_and_one_from_the_site_itself_is_not()
    {
        using var frank = await SignInAsync("pref-frank");
        var site = host.Api.BaseAddress!;

        foreach (var origin in new[] { "https://evil.example", $"http://{site.Host}:{site.Port + 1}", "null" })
        {
            using var forged = await PutAsync(frank, """{"theme": "Dark"}""", origin);
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        Assert.Equal("System", await ThemeAsync(frank));
        using var own = await PutAsync(frank, """{"theme": "Dark"}""", $"{site.Scheme}://{site.Authority}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("Dark", await ThemeAsync(frank));
    }

    private async Task<SignedInClient> SignInAsync(string name, string role = ApplianceRoles.Admin)
    {
        if (await host.Users.FindAsync(name) is null)
        {
            Assert.True((await host.Users.CreateAsync(new NewUser { UserName = name, Password = Password, Role = role }, Editor.Authorized("test"))).Succeeded);
        }

        // Each sign-in from an address of its own: the sign-in form takes 10 posts a minute per address.
        var from = IPAddress.Parse($"127.0.77.{Interlocked.Increment(ref _nextAddress)}");
        var browser = new AdminBrowser(host.Api.BaseAddress!, from);
        using var signedIn = await browser.SubmitAsync("/login", "login", SignInTests.Credentials(name, Password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return new SignedInClient(browser, host.Api.BaseAddress!);
    }

    private static async Task<string?> ThemeAsync(SignedInClient user)
    {
        using var response = await user.Client.GetAsync(Path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("theme").GetString();
    }

    private static async Task<HttpResponseMessage> PutAsync(SignedInClient user, string json, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await user.Client.SendAsync(request);
    }

    /// <summary>A browser's cookies, used by an HTTP client that sends JSON as a page's script would.</summary>
    private sealed class SignedInClient : IDisposable
    {
        public SignedInClient(AdminBrowser browser, Uri site)
        {
            Browser = browser;
            Client = new HttpClient(new SocketsHttpHandler { CookieContainer = browser.Cookies, AllowAutoRedirect = false }) { BaseAddress = site };
        }

        public AdminBrowser Browser { get; }

        public HttpClient Client { get; }

        public void Dispose()
        {
            Client.Dispose();
            Browser.Dispose();
        }
    }

    public sealed class PreferencesHost : ApplianceHost
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Appliance:Admin:InitialUser"] = "ops",
            ["Appliance:Admin:InitialPassword"] = "initial passphrase 1",
        };

        public UserStore Users => App.Services.GetRequiredService<UserStore>();

        public Data.Users.Preferences.UserPreferencesStore Preferences => App.Services.GetRequiredService<Data.Users.Preferences.UserPreferencesStore>();
    }
}
