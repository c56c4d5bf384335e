using Appliance.Data.Model;
using Appliance.Engine.Configuration;
using Appliance.Engine.Health;
using Appliance.Engine.Metrics;
using Appliance.Engine.Warnings;

namespace Appliance.Engine.Tests.Warnings;

/// <summary>Each setup warning, and its absence where the setup works, from routes compiled as a snapshot would.</summary>
public sealed class SetupWarningRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_pool_without_backends_and_one_with_every_backend_drained_are_warned_about_and_a_pool_with_an_unhealthy_enabled_backend_is_not()
    {
        var warnings = Evaluate([Pool("empty"), Pool("drained", Drained(), Drained()), Pool("down", Unhealthy(), Drained())], []);

        Assert.Equal(
            [
                new SetupWarning(SetupWarningKinds.PoolWithoutEnabledBackend, "drained", "Pool 'drained' has no enabled backend (all 2 are drained): nothing sent to it can reach a backend."),
                new SetupWarning(SetupWarningKinds.PoolWithoutEnabledBackend, "empty", "Pool 'empty' has no backends: nothing sent to it can reach a backend."),
            ],
            warnings);
    }

    [Fact]
    public void A_route_whose_only_pool_has_no_enabled_backend_says_so()
    {
        var warnings = Evaluate([Pool("empty")], [Route("shop", ("empty", 1))]);

        var route = Assert.Single(warnings, w => w.Object == "shop");
        Assert.Equal(SetupWarningKinds.RouteWithoutEnabledBackend, route.Kind);
        Assert.Equal("Route 'shop' has no backend in rotation, so its requests get 503: pool 'empty' has no backends.", route.Message);
    }

    [Fact]
    public void A_route_whose_pools_are_all_out_says_which_is_unhealthy_and_which_has_nothing_enabled()
    {
        var warnings = Evaluate(
            [Pool("web", Unhealthy(), Unhealthy(), Drained()), Pool("spare", Drained())],
            [Route("shop", ("web", 90), ("spare", 10))]);

        var route = Assert.Single(warnings, w => w.Object == "shop");
        Assert.Equal(SetupWarningKinds.RouteWithoutHealthyBackend, route.Kind);
        Assert.Equal(
            "Route 'shop' has no backend in rotation, so its requests get 503: pool 'web' has no healthy backend (2 unhealthy, 1 drained); pool 'spare' has no enabled backend (its one backend is drained).",
            route.Message);
    }

    [Fact]
    public void One_target_pool_in_rotation_is_enough_and_a_backend_not_judged_yet_counts_as_in_rotation()
    {
        var warnings = Evaluate(
            [Pool("down", Unhealthy()), Pool("up", Healthy()), Pool("new", Backend("Unknown"))],
            [Route("split", ("down", 50), ("up", 50)), Route("fresh", ("new", 1))]);

        Assert.DoesNotContain(warnings, w => w.Object is "split" or "fresh");
    }

    [Fact]
    public void A_target_of_weight_zero_takes_no_traffic_so_it_does_not_save_the_route()
    {
        var warnings = Evaluate([Pool("empty"), Pool("up", Healthy())], [Route("shop", ("empty", 1), ("up", 0))]);

        Assert.Equal(SetupWarningKinds.RouteWithoutEnabledBackend, Assert.Single(warnings, w => w.Object == "shop").Kind);
    }

    [Fact]
    public void Redirects_and_routes_whose_pool_is_not_live_yet_get_no_target_warning()
    {
        var redirect = new RouteSpec { Name = "old", Redirect = new RedirectSpec { Location = "https://new.example.com{path}" } };

        var warnings = Evaluate([], [redirect, Route("soon", ("not-live", 1))]);

        Assert.Empty(warnings);
    }

    [Fact]
    public void A_named_certificate_that_is_missing_or_expired_is_warned_about_and_a_valid_one_is_not()
    {
        var routes = new[] { Route("a", ("web", 1)) with { Tls = "gone" }, Route("b", ("web", 1)) with { Tls = "old" }, Route("c", ("web", 1)) with { Tls = "fresh" } };
        var certificates = new[] { Certificate("old", Now.AddDays(-1)), Certificate("fresh", Now.AddDays(30)) };

        var warnings = Evaluate([Pool("web", Healthy())], routes, certificates);

        Assert.Equal(
            [
                new SetupWarning(SetupWarningKinds.RouteCertificateMissing, "a",
                    "Route 'a' names certificate 'gone', which does not exist: HTTPS clients get another certificate that matches their host name, or the self-signed fallback."),
                new SetupWarning(SetupWarningKinds.RouteCertificateExpired, "b",
                    "Route 'b' names certificate 'old', which expired on 2026-05-31 12:00 UTC: HTTPS clients get another certificate that matches their host name, or the self-signed fallback."),
            ],
            warnings);
    }

    [Fact]
    public void An_automatic_certificate_is_warned_about_once_expired_not_while_the_acme_worker_has_yet_to_create_it()
    {
        var routes = new[] { Route("auto-new", ("web", 1)) with { Tls = TlsModes.Auto }, Route("auto-old", ("web", 1)) with { Tls = TlsModes.Auto }, Route("plain", ("web", 1)) };
        var expired = Certificate(TlsModes.AutoCertificateName("auto-old"), Now) with { LastError = "rate limited" };

        var warnings = Evaluate([Pool("web", Healthy())], routes, [expired]);

        var warning = Assert.Single(warnings);
        Assert.Equal(SetupWarningKinds.RouteCertificateExpired, warning.Kind);
        Assert.Equal("auto-old", warning.Object);
        Assert.StartsWith("The automatic certificate 'auto-auto-old' of route 'auto-old' expired on 2026-06-01 12:00 UTC and was not renewed (last attempt: rate limited)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_certificates_no_certificate_warning_is_given()
    {
        var warnings = SetupWarningRules.Evaluate([Pool("web", Healthy())], Plan([Route("a", ("web", 1)) with { Tls = "gone" }]), certificates: null, Now);

        Assert.Empty(warnings);
    }

    [Fact]
    public void Pools_come_first_then_routes_in_name_order()
    {
        var warnings = Evaluate([Pool("b-pool"), Pool("a-pool")], [Route("z", ("a-pool", 1)), Route("m", ("b-pool", 1))]);

        Assert.Equal(["a-pool", "b-pool", "m", "z"], warnings.Select(w => w.Object));
    }

    private static IReadOnlyList<SetupWarning> Evaluate(IReadOnlyList<PoolHealth> pools, IReadOnlyList<RouteSpec> routes, IReadOnlyList<CertificateInfo>? certificates = null) =>
        SetupWarningRules.Evaluate(pools, Plan(routes), certificates ?? [], Now);

    // Compiled as the snapshot builder does, so the tests also hold the compiler to what the rules expect.
    private static SetupPlan Plan(IReadOnlyList<RouteSpec> routes)
    {
        var parts = new SnapshotParts();
        new SetupPlanCompiler().Compile(new ConfigDocument { Pools = [], Routes = routes }, parts);
        return parts.Get<SetupPlan>()!;
    }

    private static RouteSpec Route(string name, params (string Pool, int Weight)[] targets) =>
        new() { Name = name, Targets = targets.Select(t => new TargetSpec { Pool = t.Pool, Weight = t.Weight }).ToArray() };

    private static PoolHealth Pool(string name, params BackendHealth[] backends) =>
        new(name, LoadBalancingPolicyNames.RoundRobin, HealthChecked: true, InFlight: 0, WindowStats.Empty, backends);

    private static int _port = 9000;

    private static BackendHealth Backend(string health, bool enabled = true) =>
        new($"http://10.0.0.1:{Interlocked.Increment(ref _port)}", 1, enabled, health, health, "Unknown", InRotation: enabled && health != "Unhealthy", null, 0, WindowStats.Empty);

    private static BackendHealth Healthy() => Backend("Healthy");

    private static BackendHealth Unhealthy() => Backend("Unhealthy");

    // A disabled backend is not in the cluster: its health is never judged.
    private static BackendHealth Drained() => Backend("Unknown", enabled: false);

    private static CertificateInfo Certificate(string name, DateTimeOffset notAfter) => new()
    {
        Name = name,
        Hostnames = ["shop.example.com"],
        Source = CertificateSource.Uploaded,
        Status = notAfter <= Now ? CertificateStatus.Expired : CertificateStatus.Valid,
        NotAfter = notAfter,
    };
}
