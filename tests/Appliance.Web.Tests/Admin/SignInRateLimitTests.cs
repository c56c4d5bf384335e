using System.Net;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Admin;

public sealed class SignInRateLimitTests(SignInTests.SeededHost host) : IClassFixture<SignInTests.SeededHost>
{
    [Fact]
    public async Task Sign_in_posts_are_rate_limited_per_client_address()
    {
        using var browser = new AdminBrowser(host.Api.BaseAddress!);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= Appliance.Web.Auth.SignInRateLimit.PermitsPerWindow + 1; attempt++)
        {
            using var response = await browser.SubmitAsync("/login", "login", SignInTests.Credentials("nobody-" + attempt, "whatever passphrase"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("60", response.Headers.GetValues("Retry-After").Single());
            }
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);

        // Pages themselves are not limited.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/login")).StatusCode);
    }
}
