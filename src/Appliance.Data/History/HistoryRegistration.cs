using Appliance.Data.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.History;

/// <summary>Registers the configuration history: its setting, the JSON it keeps documents in, the recorder the write path calls, the reader, and the start-up keeper of the current revision.</summary>
internal static class HistoryRegistration
{
    public static IServiceCollection AddConfigHistory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDataSettings<HistoryOptions, HistoryOptionsValidator>(configuration, HistoryOptions.Section);
        services.AddSingleton<HistoryDocumentJson>();
        services.AddSingleton<ConfigHistoryRecorder>();
        services.AddSingleton<ConfigHistory>();

        // After the migrator, which creates the table it reads, and the key ring's loader.
        services.AddHostedService<HistoryStartKeeper>();
        return services;
    }
}
