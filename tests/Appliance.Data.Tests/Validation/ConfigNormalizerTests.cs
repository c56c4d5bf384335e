using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.Tests.Validation;

public sealed class ConfigNormalizerTests
{
    [Fact]
    public void Normalisation_puts_equivalent_spellings_into_one_form()
    {
        var route = ConfigNormalizer.Normalize(new RouteSpec { Name = " site ", Hosts = [" Shop.Example.COM "], Path = "/api/", Methods = ["get"] });
        Assert.Equal("site", route.Name);
        Assert.Equal(["shop.example.com"], route.Hosts);
        Assert.Equal("/api", route.Path);
        Assert.Equal(["GET"], route.Methods);

        var pool = ConfigNormalizer.Normalize(new PoolSpec { Name = "web", Backends = [new BackendSpec { Address = " HTTP://App.Internal:80/base/ " }] });
        Assert.Equal("http://app.internal/base", pool.Backends[0].Address);
    }
}
