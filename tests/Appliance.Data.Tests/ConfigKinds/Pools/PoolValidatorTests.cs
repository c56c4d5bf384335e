using Appliance.Data.ConfigKinds.Pools;
using Appliance.Data.Model;

namespace Appliance.Data.Tests.ConfigKinds.Pools;

public sealed class PoolValidatorTests
{
    private static IDictionary<string, string[]> Errors(PoolSpec pool) => ValidatorRun.Errors(new PoolValidator(), pool);

    [Fact]
    public void A_named_pool_with_a_known_policy_is_valid_whatever_its_backends() =>
        Assert.Empty(Errors(new PoolSpec { Name = "web", LoadBalancing = LoadBalancingPolicyNames.FirstAvailable, Backends = null! }));

    [Theory]
    [InlineData("", "A name is required.")]
    [InlineData("Web", "lower-case letters")]
    public void The_name_must_be_a_slug(string name, string message) =>
        Assert.Contains(message, Assert.Single(Errors(new PoolSpec { Name = name })["name"]), StringComparison.Ordinal);

    [Fact]
    public void An_unknown_policy_is_named_with_the_known_ones() =>
        Assert.Equal(
            $"Unknown policy 'Fastest'. Use one of: {string.Join(", ", LoadBalancingPolicyNames.All)}.",
            Assert.Single(Errors(new PoolSpec { Name = "web", LoadBalancing = "Fastest" })["loadBalancing"]));
}
