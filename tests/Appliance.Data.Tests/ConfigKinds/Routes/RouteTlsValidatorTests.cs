using Appliance.Data.ConfigKinds.Routes;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.Tests.ConfigKinds.Routes;

public sealed class RouteTlsValidatorTests
{
    private static readonly ConfigValidationContext WithShopCertificate =
        new(new Dictionary<Type, IReadOnlySet<string>>(), certificateNames: new HashSet<string> { "shop" });

    private static IDictionary<string, string[]> Errors(RouteSpec route, ConfigValidationContext? context = null) =>
        ValidatorRun.Errors(new RouteTlsValidator(), route, context);

    [Theory]
    [InlineData(TlsModes.Off)]
    [InlineData("shop")]
    public void Off_and_an_existing_certificate_are_valid(string tls) => Assert.Empty(Errors(new RouteSpec { Tls = tls }, WithShopCertificate));

    [Fact]
    public void A_certificate_that_does_not_exist_is_refused_when_the_certificates_are_known()
    {
        Assert.Equal("There is no certificate named 'other'; upload or request it first.", Assert.Single(Errors(new RouteSpec { Tls = "other" }, WithShopCertificate)["tls"]));
        Assert.Empty(Errors(new RouteSpec { Tls = "other" }));
    }

    [Fact]
    public void Tls_is_off_auto_or_a_certificate_name() =>
        Assert.Contains("Use \"off\", \"auto\"", Assert.Single(Errors(new RouteSpec { Tls = "Not A Name" })["tls"]), StringComparison.Ordinal);

    [Fact]
    public void An_automatic_certificate_needs_plain_host_names()
    {
        Assert.Contains("at least one host", Assert.Single(Errors(new RouteSpec { Tls = TlsModes.Auto, Hosts = [] })["tls"]), StringComparison.Ordinal);
        Assert.Contains("'*.shop.test' is a wildcard", Assert.Single(Errors(new RouteSpec { Tls = TlsModes.Auto, Hosts = ["*.shop.test"] })["tls"]), StringComparison.Ordinal);
        Assert.Empty(Errors(new RouteSpec { Tls = TlsModes.Auto, Hosts = ["shop.test"] }));
    }
}
