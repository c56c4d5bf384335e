using Appliance.Data.Cluster;
using Microsoft.Extensions.Configuration;

namespace Appliance.Data.Tests.Cluster;

public sealed class ClusterOptionsTests
{
    [Fact]
    public void Defaults_listen_and_poll_every_second()
    {
        var options = ClusterOptions.FromConfiguration(new ConfigurationBuilder().Build());
        Assert.True(options.Notifications);
        Assert.Equal(TimeSpan.FromSeconds(1), options.PollInterval);
    }

    [Theory]
    [InlineData(ClusterOptions.NotificationsKey, "sometimes")]
    [InlineData(ClusterOptions.PollSecondsKey, "0")]
    [InlineData(ClusterOptions.PollSecondsKey, "1.5")]
    public void A_bad_value_stops_the_start_naming_its_key(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => ClusterOptions.FromConfiguration(configuration));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
