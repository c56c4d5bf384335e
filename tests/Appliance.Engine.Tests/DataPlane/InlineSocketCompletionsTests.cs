using Appliance.Engine.DataPlane;

namespace Appliance.Engine.Tests.DataPlane;

/// <summary>
/// <c>Appliance:Proxy:Transport:InlineSocketCompletions</c> becomes the runtime's environment
/// variable, unless the variable was set outside. Checked on a stand-in environment: the test
/// process's own sockets must keep the runtime's default.
/// </summary>
public sealed class InlineSocketCompletionsTests
{
    [Fact]
    public void The_setting_sets_the_variable_the_runtime_reads()
    {
        var environment = new Dictionary<string, string>();

        Assert.True(InlineSocketCompletions.Apply(true, environment.GetValueOrDefault, (name, value) => environment[name] = value));

        Assert.Equal("1", environment["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    public void A_variable_set_outside_wins(string outside)
    {
        var environment = new Dictionary<string, string> { ["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = outside };

        Assert.False(InlineSocketCompletions.Apply(true, environment.GetValueOrDefault, (name, value) => environment[name] = value));

        Assert.Equal(outside, environment["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"]);
    }

    [Fact]
    public void On_by_default_as_bench_proxy_sh_measured_it()
    {
        Assert.True(new TransportOptions().InlineSocketCompletions);
        Assert.False(new TransportOptions().InlineScheduling);
    }

    [Fact]
    public void Off_touches_nothing()
    {
        var environment = new Dictionary<string, string>();

        Assert.False(InlineSocketCompletions.Apply(false, environment.GetValueOrDefault, (name, value) => environment[name] = value));

        Assert.Empty(environment);
    }
}
