using Appliance.Web.Components.Shared;
using Bunit;
using MudBlazor.Services;

namespace Appliance.Web.Tests.Components.Shared;

/// <summary>Health is never colour alone: each state has its word and its icon beside its colour.</summary>
public sealed class HealthChipTests : BunitContext, IAsyncLifetime
{
    public HealthChipTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Theory]
    [InlineData("Healthy", false, "Healthy", "success")]
    [InlineData("Unhealthy", false, "Unhealthy", "error")]
    [InlineData("Unknown", false, "Unknown", "default")]
    [InlineData("Unhealthy", true, "drained", "warning")]
    public void Each_state_has_its_word_icon_and_colour(string health, bool drained, string word, string colour)
    {
        var chip = Render<HealthChip>(p => p.Add(c => c.Health, health).Add(c => c.Drained, drained).AddChildContent("http://a · 3"));

        var element = chip.Find(".mud-chip");
        Assert.Equal($"http://a · 3 · {word}", element.TextContent.Trim());
        Assert.Contains($"mud-chip-color-{colour}", element.ClassName, StringComparison.Ordinal);
        Assert.NotNull(element.QuerySelector("svg"));
        Assert.Equal(health, element.GetAttribute("data-health"));
    }

    [Fact]
    public void The_states_have_different_icons()
    {
        string IconOf(string health, bool drained = false) =>
            Render<HealthChip>(p => p.Add(c => c.Health, health).Add(c => c.Drained, drained)).Find(".mud-chip svg").InnerHtml;

        Assert.Equal(4, new[] { IconOf("Healthy"), IconOf("Unhealthy"), IconOf("Unknown"), IconOf("Healthy", drained: true) }.Distinct().Count());
    }

    [Fact]
    public void Text_replaces_the_word_and_the_tooltip_still_names_the_state()
    {
        var chip = Render<HealthChip>(p => p.Add(c => c.Health, "Unhealthy").Add(c => c.Text, "went down"));

        Assert.Equal("went down", chip.Find(".mud-chip").TextContent.Trim());
        Assert.Equal("Unhealthy", chip.Find(".mud-chip").GetAttribute("title"));
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
