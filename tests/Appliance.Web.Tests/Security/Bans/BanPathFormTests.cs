using System.Net;
using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Security.Bans;

/// <summary>
/// Path patterns count on the one canonical path the router uses: every spelling of a listed path
/// counts (the rule <c>instant</c> bans at the first), on a matched route as on an unmatched host,
/// and paths that only look alike do not.
/// </summary>
public sealed class BanPathFormTests(BanHost host) : IClassFixture<BanHost>
{
    public static TheoryData<string, string, string> Spellings => new()
    {
        { "127.0.1.1", "/x/../instant.php", "nobody.test" },
        { "127.0.1.2", "//instant.php", "nobody.test" },
        { "127.0.1.3", "/%2e%2e/instant.php", "nobody.test" },
        { "127.0.1.4", "/a/%2E%2E/instant.php", "nobody.test" },
        { "127.0.1.5", "/instant.php;jsessionid=0A1B", "nobody.test" },
        { "127.0.1.6", "/INSTANT.PHP", "nobody.test" },
        { "127.0.1.7", "/instant.php/extra/path", "nobody.test" },
        { "127.0.1.8", "/./instant.php", "nobody.test" },
        { "127.0.1.9", "/%69nstant%2Ephp", "nobody.test" },
        { "127.0.1.10", "/instant.php/", "nobody.test" },
        { "127.0.1.11", "/instant.php?user=admin", "nobody.test" },
        { "127.0.1.12", "/x/../instant.php", BanHost.Site },
        { "127.0.1.13", "/instant.php;v=1/", BanHost.Site },
    };

    public static TheoryData<string, string> LookAlikes => new()
    {
        { "127.0.2.1", "/instant.phpx" },
        { "127.0.2.2", "/a/instant.php" },
        { "127.0.2.3", "/instant-php" },
        { "127.0.2.4", "/instant%3Bphp" },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public async Task Every_spelling_of_a_listed_path_counts(string client, string target, string hostName)
    {
        await SourceBoundHttp.SendAsync(IPAddress.Parse(client), host.Http, "GET", target, hostName);

        Assert.Contains(client, await host.BannedAsync());
        Assert.True(await SourceBoundHttp.ClosedUnansweredAsync(IPAddress.Parse(client), host.Http));
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public async Task A_path_that_only_looks_alike_does_not_count(string client, string target)
    {
        var (status, _) = await SourceBoundHttp.SendAsync(IPAddress.Parse(client), host.Http, "GET", target, "nobody.test");

        Assert.Equal(404, status);
        Assert.DoesNotContain(client, await host.BannedAsync());
        Assert.Equal(200, await host.StatusFromAsync(client, "/"));
    }

    [Fact]
    public async Task A_path_the_canonical_form_refuses_gets_400_and_counts_by_its_status_alone()
    {
        // '..' behind an encoded slash is refused before routing: no path to match, and 400 is in no rule.
        var (status, _) = await SourceBoundHttp.SendAsync(IPAddress.Parse("127.0.3.1"), host.Http, "GET", "/x/..%2Finstant.php", "nobody.test");

        Assert.Equal(400, status);
        Assert.DoesNotContain("127.0.3.1", await host.BannedAsync());
    }
}
