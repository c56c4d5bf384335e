using Appliance.Data.ConfigKinds.Routes;
using Appliance.Data.Model;

namespace Appliance.Data.Tests.ConfigKinds.Routes;

public sealed class RouteMaintenanceValidatorTests
{
    private static IDictionary<string, string[]> Errors(MaintenanceSpec maintenance) =>
        ValidatorRun.Errors(new RouteMaintenanceValidator(), new RouteSpec { Maintenance = maintenance });

    [Fact]
    public void Off_by_default_and_addresses_or_ranges_of_both_families_are_valid()
    {
        Assert.Empty(Errors(new MaintenanceSpec()));
        Assert.Empty(Errors(new MaintenanceSpec { Enabled = true, RetryAfterSeconds = 604_800, Allow = ["203.0.113.0/24", "198.51.100.7", "2001:db8::/32", "::1"] }));
    }

    [Fact]
    public void Each_bad_value_names_its_field()
    {
        var errors = Errors(new MaintenanceSpec { Enabled = true, RetryAfterSeconds = 0, Allow = ["203.0.113.0/24", "office", "10.0.0.0/33"] });
        Assert.Equal(["maintenance.allow[1]", "maintenance.allow[2]", "maintenance.retryAfterSeconds"], errors.Keys.Order());
    }

    [Fact]
    public void The_allow_list_is_bounded()
    {
        var allow = Enumerable.Range(0, RouteMaintenanceValidator.MaxAllowed + 1).Select(i => $"10.0.{i}.0/24").ToArray();
        Assert.Contains("maintenance.allow", Errors(new MaintenanceSpec { Allow = allow }).Keys);
    }
}
