using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Appliance.Data.Tests.Startup;

/// <summary>
/// Starts a real host with the Data layer on SQLite in a fresh directory and the given settings, as
/// the appliance starts; what it throws is what an operator would read.
/// </summary>
internal static class DataHostStart
{
    /// <summary>The error that stopped the start, or null when the host started.</summary>
    public static async Task<Exception?> FailureAsync(IDictionary<string, string?> settings)
    {
        var directory = Path.Combine(Path.GetTempPath(), "appliance-start-" + Guid.NewGuid().ToString("N"));
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["Appliance:DataDirectory"] = directory });
        builder.Services.AddLogging().AddApplianceData(builder.Configuration);
        try
        {
            using var host = builder.Build();
            try
            {
                await host.StartAsync();
                await host.StopAsync();
                return null;
            }
            catch (Exception error)
            {
                return error;
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Every message of an error and the errors inside it: an options failure may be wrapped.</summary>
    public static string Messages(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.InnerExceptions.Select(Messages))
            : error.Message + (error.InnerException is null ? string.Empty : " | " + Messages(error.InnerException));
}
