using Appliance.Data.Validation;
using Appliance.Data.ConfigKinds.Pools;
using Appliance.Data.Model;

namespace Appliance.Data.Tests.ConfigKinds.Pools;

public sealed class BackendsValidatorTests
{
    private static IDictionary<string, string[]> Errors(IReadOnlyList<BackendSpec> backends) =>
        ValidatorRun.Errors(new BackendsValidator(), new PoolSpec { Name = "", Backends = backends });

    [Fact]
    public void An_empty_list_is_allowed_and_a_missing_one_is_not()
    {
        Assert.Empty(Errors([]));
        Assert.Equal("Backends are required (an empty list is allowed).", Assert.Single(Errors(null!)["backends"]));
    }

    [Fact]
    public void Fields_are_relative_to_the_pool()
    {
        var errors = Errors([new BackendSpec { Address = "http://a", Weight = 0 }, null!, new BackendSpec { Address = "http://A" }]);
        Assert.Equal(["backends[0].weight", "backends[1]", "backends[2].address"], errors.Keys.Order());
        Assert.Equal("'http://A' is already a backend of this pool.", Assert.Single(errors["backends[2].address"]));
    }

    [Fact]
    public void A_pool_has_at_most_256_backends() =>
        Assert.Contains("backends", Errors(Enumerable.Range(0, 257).Select(i => new BackendSpec { Address = $"http://10.0.{i / 256}.{i % 256}" }).ToArray()).Keys);

    [Fact]
    public void Credentials_in_an_address_are_refused() =>
        Assert.Equal("The address must not contain credentials, a query or a fragment.", Assert.Single(Errors([new BackendSpec { Address = "http://u:p@a" }])["backends[0].address"]));

    private static IDictionary<string, string[]> NormalizedErrors(params BackendSpec[] backends) =>
        ValidatorRun.Errors(new BackendsValidator(), ConfigNormalizer.Normalize(new PoolSpec { Name = "web", Backends = backends }));

    [Theory]
    [InlineData("10.0.0.1:8080")]
    [InlineData("ftp://10.0.0.1")]
    [InlineData("http://user:secret@10.0.0.1")]
    [InlineData("http://10.0.0.1/?q=1")]
    [InlineData("http://10.0.0.1/#top")]
    [InlineData("")]
    public void Backend_addresses_must_be_plain_absolute_http_urls(string address) =>
        Assert.Contains("backends[0].address", NormalizedErrors(new BackendSpec { Address = address }).Keys);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public void Backend_weights_are_1_to_100(int weight) =>
        Assert.Contains("backends[0].weight", NormalizedErrors(new BackendSpec { Address = "http://a", Weight = weight }).Keys);

    [Fact]
    public void Backend_addresses_are_unique_within_a_pool_after_normalisation() =>
        Assert.Contains("backends[1].address", NormalizedErrors(new BackendSpec { Address = "http://A.example:80/" }, new BackendSpec { Address = "http://a.example" }).Keys);
}
