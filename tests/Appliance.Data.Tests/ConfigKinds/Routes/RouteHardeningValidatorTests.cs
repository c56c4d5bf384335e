using Appliance.Data.ConfigKinds.Routes;
using Appliance.Data.Model;

namespace Appliance.Data.Tests.ConfigKinds.Routes;

public sealed class RouteHardeningValidatorTests
{
    private static IDictionary<string, string[]> Errors(RouteSpec route) => ValidatorRun.Errors(new RouteHardeningValidator(), route);

    [Fact]
    public void Sane_values_and_the_defaults_are_valid()
    {
        Assert.Empty(Errors(new RouteSpec()));
        Assert.Empty(Errors(new RouteSpec { ContentSecurityPolicy = "default-src 'self'", HstsMaxAgeSeconds = 63_072_000, MaxRequestBodyBytes = 0 }));
    }

    [Fact]
    public void Each_bound_names_its_field()
    {
        var errors = Errors(new RouteSpec { ContentSecurityPolicy = "default-src\n'self'", HstsMaxAgeSeconds = 63_072_001, MaxRequestBodyBytes = -1 });
        Assert.Equal(["contentSecurityPolicy", "hstsMaxAgeSeconds", "maxRequestBodyBytes"], errors.Keys.Order());
    }
}
