using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Backup;

/// <summary>Registers backup and restore: the writer that seals a backup and the restorer that takes one back.</summary>
internal static class BackupRegistration
{
    public static IServiceCollection AddBackup(this IServiceCollection services)
    {
        services.AddSingleton<BackupWriter>();
        services.AddSingleton<BackupRestorer>();
        return services;
    }
}
