using Appliance.Data.Validation;
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

    [Theory]
    [InlineData("")]
    [InlineData("-web")]
    [InlineData("web_1")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void Names_must_be_slugs(string name) => Assert.Contains("name", Errors(new PoolSpec { Name = name }).Keys);

    [Fact]
    public void Upper_case_names_are_refused_not_silently_lowered()
    {
        // Normalisation trims names but never changes their case: the name is an identifier the operator chose.
        Assert.Contains("name", Errors(ConfigNormalizer.Normalize(new PoolSpec { Name = "Web" })).Keys);
    }
}
