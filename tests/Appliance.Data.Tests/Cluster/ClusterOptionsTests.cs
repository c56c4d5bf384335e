using Appliance.Data.Cluster;
using Appliance.Data.Hosting;
using Appliance.Data.Tests.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.Cluster;

public sealed class ClusterOptionsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Unset_or_empty_listens_and_polls_every_second(string? value)
    {
        // An override to null (as tests do) or an environment variable set to nothing means the default.
        var options = Bound(new Dictionary<string, string?> { [ClusterOptions.NotificationsKey] = value, [ClusterOptions.PollSecondsKey] = value });
        Assert.True(options.Listens);
        Assert.Equal(TimeSpan.FromSeconds(1), options.PollInterval);
    }

    [Fact]
    public void Set_values_are_bound_from_their_keys()
    {
        var options = Bound(new Dictionary<string, string?> { [ClusterOptions.NotificationsKey] = "false", [ClusterOptions.PollSecondsKey] = "30" });
        Assert.False(options.Listens);
        Assert.Equal(TimeSpan.FromSeconds(30), options.PollInterval);
    }

    [Theory]
    [InlineData(ClusterOptions.PollSecondsKey, "0", "Appliance:Cluster:PollSeconds is '0'; use whole seconds from 1 to 3600 (default 1).")]
    [InlineData(ClusterOptions.PollSecondsKey, "3601", "Appliance:Cluster:PollSeconds is '3601'; use whole seconds from 1 to 3600 (default 1).")]
    [InlineData(ClusterOptions.PollSecondsKey, "1.5", "'Appliance:Cluster:PollSeconds'")]
    [InlineData(ClusterOptions.NotificationsKey, "sometimes", "'Appliance:Cluster:Notifications'")]
    public async Task A_bad_value_stops_the_start_naming_its_key(string key, string value, string expected)
    {
        var error = await DataHostStart.FailureAsync(new Dictionary<string, string?> { [key] = value });

        Assert.NotNull(error);
        Assert.Contains(expected, DataHostStart.Messages(error), StringComparison.Ordinal);
    }

    private static ClusterOptions Bound(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection()
            .AddDataSettings<ClusterOptions, ClusterOptionsValidator>(configuration, ClusterOptions.Section)
            .BuildServiceProvider();
        return services.GetRequiredService<ClusterOptions>();
    }
}
