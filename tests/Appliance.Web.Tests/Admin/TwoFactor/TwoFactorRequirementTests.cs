using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Data.Auditing;
using Appliance.Data.Model;
using Appliance.Data.Users;
using Appliance.Web.Tests.Infrastructure;
using static Appliance.Web.Tests.Admin.TwoFactor.TwoFactorPages;

namespace Appliance.Web.Tests.Admin.TwoFactor;

// A host of its own: the requirement concerns every user signing in to it.
public sealed class TwoFactorRequirementTests(TwoFactorHost host) : IClassFixture<TwoFactorHost>
{
    private const string Password = "required passphrase 3";

    private AdminBrowser Browser(string address) => new(host.Api.BaseAddress!, IPAddress.Parse(address));

    [Fact]
    public async Task Required_of_everyone_an_unenrolled_user_is_signed_out_and_sets_it_up_before_anything_else()
    {
        Assert.True((await host.App.Services.GetRequiredService<UserStore>().CreateAsync(new NewUser { UserName = "late", Password = Password, Role = ApplianceRoles.Viewer }, Editor.Authorized("test"))).Succeeded);
        using var browser = Browser("127.0.28.1");
        (await PasswordAsync(browser, "late", Password)).Dispose();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        Assert.False((await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/settings/two-factor")).GetProperty("required").GetBoolean());
        using (var required = await host.Api.PutAsJsonAsync("/api/v1/settings/two-factor", new { required = true }))
        {
            Assert.Equal(HttpStatusCode.OK, required.StatusCode);
            Assert.True((await required.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("required").GetBoolean());
        }

        Assert.True((await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/settings/two-factor")).GetProperty("required").GetBoolean());
        Assert.Equal("/login", RedirectPath(await browser.GetAsync("/")));

        using (var password = await PasswordAsync(browser, "late", Password))
        {
            Assert.Equal("/login/two-factor/setup", RedirectPath(password));
        }

        Assert.False(HasSession(browser));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        var (secret, _) = await EnrolAsync(browser, Password, page: "/login/two-factor/setup");
        Assert.True(HasSession(browser));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        // From now on a code follows the password, and nobody turns it off for themselves.
        var account = await (await browser.GetAsync("/account/two-factor")).Content.ReadAsStringAsync();
        Assert.Contains("required for every user", account);
        Assert.DoesNotContain("two-factor-off", account);
        using var elsewhere = Browser("127.0.28.2");
        Assert.Equal("/login/two-factor", RedirectPath(await PasswordAsync(elsewhere, "late", Password)));
        Assert.Equal("/", RedirectPath(await CodeAsync(elsewhere, Code(secret, stepsAhead: 1))));

        // API tokens are not affected.
        Assert.Equal(HttpStatusCode.OK, (await host.Api.GetAsync("/api/v1/pools")).StatusCode);

        using (var lifted = await host.Api.PutAsJsonAsync("/api/v1/settings/two-factor", new { required = false }))
        {
            Assert.Equal(HttpStatusCode.OK, lifted.StatusCode);
        }

        var audit = await host.App.Services.GetRequiredService<AuditLog>().GetLatestAsync(100);
        var changes = audit.Where(a => a.EntityType == "sign-in policy").ToList();
        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal("token:bootstrap", c.Actor));
        Assert.Contains("\"late\"", changes[1].After);
    }

    [Theory]
    [InlineData("GET", "/api/v1/users")]
    [InlineData("POST", "/api/v1/users/ops/two-factor/reset")]
    [InlineData("GET", "/api/v1/settings/two-factor")]
    [InlineData("PUT", "/api/v1/settings/two-factor")]
    public async Task The_endpoints_answer_401_without_a_token_and_are_described(string method, string path)
    {
        using var anonymous = new HttpClient { BaseAddress = host.Api.BaseAddress };
        using var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        var document = await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var described = path.Replace("/ops/", "/{name}/", StringComparison.Ordinal);
        Assert.True(document.GetProperty("paths").TryGetProperty(described, out var operations), described);
        Assert.True(operations.TryGetProperty(method.ToLowerInvariant(), out _));
    }

    [Fact]
    public async Task The_setting_refuses_bad_bodies_and_viewer_tokens_with_problem_details()
    {
        using (var wrongType = await host.Api.PutAsync("/api/v1/settings/two-factor", JsonContent.Create(new { required = "yes" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
            var problem = await wrongType.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("required", out _));
        }

        using (var missing = await host.Api.PutAsync("/api/v1/settings/two-factor", JsonContent.Create(new { })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
            Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("required", out _));
        }

        using (var notJson = await host.Api.PutAsync("/api/v1/settings/two-factor", new StringContent("required=true")))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        }

        using var created = await host.Api.PostAsJsonAsync("/api/v1/tokens", new { name = "tf-viewer", role = "Viewer" });
        var token = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        using var viewer = new HttpClient { BaseAddress = host.Api.BaseAddress };
        viewer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/settings/two-factor")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsJsonAsync("/api/v1/settings/two-factor", new { required = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/v1/users/ops/two-factor/reset", null)).StatusCode);
        Assert.False((await host.Api.GetFromJsonAsync<JsonElement>("/api/v1/settings/two-factor")).GetProperty("required").GetBoolean());
    }
}
