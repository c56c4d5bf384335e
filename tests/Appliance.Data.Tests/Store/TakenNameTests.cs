using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Appliance.Data.Certificates;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Data.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Store;

/// <summary>
/// A create under a name that is taken never replaces what is stored, whatever the kind: the store
/// answers 409 with one message on the name field, and the revision does not move.
/// </summary>
public sealed class TakenNameTests(StoreFixture fixture) : IClassFixture<StoreFixture>
{
    private ConfigStore Store => fixture.Store;

    [Fact]
    public async Task Every_kind_refuses_a_second_create_of_a_name_with_the_same_message_and_keeps_the_first()
    {
        await CreatedAsync(Store.Pools.CreateAsync(new PoolSpec { Name = "taken-target" }, "t"));
        await CreatedAsync(Store.AlertChannels.CreateAsync(new AlertChannelSpec { Name = "taken-channel", Webhook = new WebhookChannelSpec { Url = "https://hooks.example.com/a" } }, "t"));

        await RefusedAsync(Store.Pools, new PoolSpec { Name = "taken-pool" }, new PoolSpec { Name = "taken-pool", LoadBalancing = LoadBalancingPolicyNames.Random }, "A pool");
        await RefusedAsync(Store.Routes,
            new RouteSpec { Name = "taken-route", Targets = [new TargetSpec { Pool = "taken-target" }] },
            new RouteSpec { Name = "taken-route", Path = "/other", Targets = [new TargetSpec { Pool = "taken-target" }] },
            "A route");
        await RefusedAsync(Store.CacheRules, new CacheRuleSpec { Name = "taken-rule", Match = "/a" }, new CacheRuleSpec { Name = "taken-rule", Match = "/b" }, "A cache rule");
        await RefusedAsync(Store.AccessLists, new AccessListSpec { Name = "taken-list" }, new AccessListSpec { Name = "taken-list", DefaultAction = AccessActions.Deny }, "An access list");
        await RefusedAsync(Store.RateLimits, new RateLimitSpec { Name = "taken-limit" }, new RateLimitSpec { Name = "taken-limit", Permits = 1 }, "A rate limit");
        await RefusedAsync(Store.ErrorPages,
            new ErrorPageSpec { Name = "taken-page", Status = 503, Html = "first" },
            new ErrorPageSpec { Name = "taken-page", Status = 502, Html = "second" },
            "An error page");
        await RefusedAsync(Store.Streams,
            new StreamSpec { Name = "taken-stream", ListenPort = 15431, Pool = "taken-target" },
            new StreamSpec { Name = "taken-stream", ListenPort = 15432, Pool = "taken-target" },
            "A stream");
        await RefusedAsync(Store.AlertChannels,
            new AlertChannelSpec { Name = "taken-channel-2", Webhook = new WebhookChannelSpec { Url = "https://hooks.example.com/b" } },
            new AlertChannelSpec { Name = "taken-channel-2", Webhook = new WebhookChannelSpec { Url = "https://hooks.example.com/c" } },
            "An alert channel");
        await RefusedAsync(Store.AlertRules,
            new AlertRuleSpec { Name = "taken-alert-rule", Events = [AlertEvents.BackendDown], Channels = ["taken-channel"] },
            new AlertRuleSpec { Name = "taken-alert-rule", Events = [AlertEvents.PoolDown], Channels = ["taken-channel"] },
            "An alert rule");
    }

    [Fact]
    public async Task Certificates_and_users_refuse_a_taken_name_in_the_same_words()
    {
        var certificates = fixture.Services.GetRequiredService<CertificateStore>();
        await CreatedAsync(certificates.RequestAcmeAsync(new AcmeCertificateRequest { Name = "taken-cert", Hostnames = ["taken.test"] }, "t"));
        var (chain, key) = SelfSigned("taken.test", fixture.Clock.GetUtcNow());

        var uploaded = await certificates.UploadAsync(new CertificateUpload { Name = "taken-cert", Pem = chain, Key = key }, "t");
        var requested = await certificates.RequestAcmeAsync(new AcmeCertificateRequest { Name = "taken-cert", Hostnames = ["other.test"] }, "t");

        foreach (var refused in new[] { uploaded, requested })
        {
            Assert.Equal(StoreStatus.Conflict, refused.Status);
            // An ACME certificate is not replaced by hand, so neither refusal suggests it.
            Assert.Equal("A certificate named 'taken-cert' already exists.", Assert.Single(refused.Errors["name"]));
        }

        Assert.Equal(["taken.test"], (await certificates.GetAsync("taken-cert"))!.Hostnames);

        var users = fixture.Services.GetRequiredService<UserStore>();
        var user = new NewUser { UserName = "taken-user", Password = "a long enough password", Role = ApplianceRoles.Viewer };
        await CreatedAsync(users.CreateAsync(user, Editor.Authorized("t")));
        var again = await users.CreateAsync(user with { Role = ApplianceRoles.Admin }, Editor.Authorized("t"));
        Assert.Equal(StoreStatus.Conflict, again.Status);
        Assert.Equal("A user named 'taken-user' already exists.", Assert.Single(again.Errors["userName"]));
        Assert.Equal(ApplianceRoles.Viewer, (await users.FindAsync("taken-user"))!.User.Role);
    }

    private async Task RefusedAsync<TSpec>(ConfigObjects<TSpec> objects, TSpec first, TSpec second, string aNoun)
        where TSpec : class
    {
        var name = objects.NameOf(first);
        await CreatedAsync(objects.CreateAsync(first, "t"));
        var stored = ConfigJson.Serialize(await objects.GetAsync(name));
        var revision = await Store.GetRevisionAsync();

        var refused = await objects.CreateAsync(second, "t");

        Assert.Equal(StoreStatus.Conflict, refused.Status);
        var message = $"{aNoun} named '{name}' already exists.";
        Assert.Equal(message, Assert.Single(refused.Errors["name"]));
        Assert.Equal(message, refused.Detail);
        Assert.Equal(stored, ConfigJson.Serialize(await objects.GetAsync(name)));
        Assert.Equal(revision, await Store.GetRevisionAsync());
    }

    private static async Task CreatedAsync<T>(Task<StoreResult<T>> create)
    {
        var result = await create;
        Assert.True(result.Succeeded, $"{result.Detail} {string.Join(" ", result.Errors.SelectMany(e => e.Value))}");
    }

    private static (string Chain, string Key) SelfSigned(string host, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }
}
