using Appliance.Data.History;
using Appliance.Data.Hosting;
using Appliance.Data.Tests.Startup;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Tests.History;

public sealed class HistoryOptionsTests
{
    [Theory]
    [InlineData(null, HistoryOptions.DefaultMaxRevisions)]
    [InlineData("", HistoryOptions.DefaultMaxRevisions)]
    [InlineData("1", 1)]
    [InlineData(" 100000 ", 100_000)]
    public void The_bound_is_read_from_its_key_or_defaults_to_500(string? value, int expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [HistoryOptions.MaxRevisionsKey] = value }).Build();
        using var services = new ServiceCollection()
            .AddDataSettings<HistoryOptions, HistoryOptionsValidator>(configuration, HistoryOptions.Section)
            .BuildServiceProvider();

        Assert.Equal(expected, services.GetRequiredService<HistoryOptions>().KeptRevisions);
    }

    [Theory]
    [InlineData("0", "Appliance:History:MaxRevisions is '0'; use a whole number of revisions from 1 to 100000 (default 500).")]
    [InlineData("100001", "Appliance:History:MaxRevisions is '100001'; use a whole number of revisions from 1 to 100000 (default 500).")]
    [InlineData("many", "'Appliance:History:MaxRevisions'")]
    public async Task A_bad_value_stops_the_start_naming_its_key(string value, string expected)
    {
        var error = await DataHostStart.FailureAsync(new Dictionary<string, string?> { [HistoryOptions.MaxRevisionsKey] = value });

        Assert.NotNull(error);
        Assert.Contains(expected, DataHostStart.Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Good_settings_start()
    {
        // The failures above are the settings', not a host that never starts.
        Assert.Null(await DataHostStart.FailureAsync(new Dictionary<string, string?> { [HistoryOptions.MaxRevisionsKey] = "20" }));
    }
}
