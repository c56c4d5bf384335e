using System.Net;
using System.Text;
using Appliance.Data.Model;
using Appliance.Data.Passwords;
using Appliance.Engine.Configuration;
using Appliance.Engine.DataPlane;
using Appliance.Engine.Security.Shield;

namespace Appliance.Engine.Tests.Security;

public sealed class ShieldMiddlewareTests
{
    private static readonly string OpsHash = PasswordHashes.Hash("correct horse battery");

    [Fact]
    public async Task Lists_that_hold_the_same_user_and_hash_cost_one_check_and_the_backend_never_sees_the_credentials()
    {
        var verifier = Verifier();
        var context = await PassAsync(verifier, List("global", OpsHash), List("route", OpsHash));

        Assert.True(context.Items.ContainsKey("reached"));
        Assert.False(context.Request.Headers.ContainsKey("Authorization"));
        Assert.Equal(1, verifier.ComputedVerifications);
    }

    [Fact]
    public async Task Lists_with_their_own_hash_of_the_password_each_check_it_and_both_must_accept_it()
    {
        var verifier = Verifier();
        var context = await PassAsync(verifier, List("global", OpsHash), List("route", PasswordHashes.Hash("correct horse battery")));

        Assert.True(context.Items.ContainsKey("reached"));
        Assert.False(context.Request.Headers.ContainsKey("Authorization"));
        Assert.Equal(2, verifier.ComputedVerifications);

        var refused = await PassAsync(verifier, List("global", OpsHash), List("route", PasswordHashes.Hash("another password")));
        Assert.False(refused.Items.ContainsKey("reached"));
        Assert.Equal(StatusCodes.Status401Unauthorized, refused.Response.StatusCode);
    }

    [Fact]
    public void A_route_with_nothing_to_shield_is_passed_straight_on_without_a_state_machine()
    {
        var backend = new TaskCompletionSource();
        var shield = new ShieldMiddleware(_ => backend.Task, new RateLimiter(TimeProvider.System), new ShieldLog(TimeProvider.System), Verifier(), new Appliance.Engine.GeoIp.CountryBlocks(), Pacer(), new Appliance.Engine.Security.TurnedAway.TurnedAwayRecorder(TimeProvider.System));

        var passed = shield.InvokeAsync(Context(new RouteShield([], [])));

        Assert.Same(backend.Task, passed);
    }

    private static RefusalPacer Pacer() => new(new RefusalPacingOptions(), TimeProvider.System);

    private static BasicAuthVerifier Verifier() => new(TimeProvider.System, new ProxyOptions());

    private static CompiledAccessList List(string name, string hash) => new(new AccessListSpec
    {
        Name = name,
        BasicAuthUsers = [new BasicAuthUserSpec { User = "ops", PasswordHash = hash }],
    });

    private static async Task<HttpContext> PassAsync(BasicAuthVerifier verifier, params CompiledAccessList[] lists)
    {
        var context = Context(new RouteShield(lists, []));
        context.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.1");
        context.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:correct horse battery"));
        context.Response.Body = new MemoryStream();
        var shield = new ShieldMiddleware(
            ctx =>
            {
                ctx.Items["reached"] = true;
                return Task.CompletedTask;
            },
            new RateLimiter(TimeProvider.System),
            new ShieldLog(TimeProvider.System),
            verifier,
            new Appliance.Engine.GeoIp.CountryBlocks(),
            Pacer(),
            new Appliance.Engine.Security.TurnedAway.TurnedAwayRecorder(TimeProvider.System));

        await shield.InvokeAsync(context);
        return context;
    }

    private static DefaultHttpContext Context(RouteShield shield)
    {
        var parts = new object?[RoutePlanSlot<RouteShield>.Index + 1];
        parts[RoutePlanSlot<RouteShield>.Index] = shield;
        var context = new DefaultHttpContext();
        context.Features.Set(new RoutePlan("route", 1, parts));
        return context;
    }
}
