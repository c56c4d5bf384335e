using Appliance.Data.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Data.Providers;

/// <summary>Registers <see cref="IDbContextFactory{ApplianceDbContext}"/> for the configured provider.</summary>
internal static class DatabaseRegistration
{
    public static IServiceCollection AddApplianceDatabase(this IServiceCollection services, DatabaseOptions options, DataDirectory dataDirectory)
    {
        services.AddSingleton(options);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextFactory<PostgresApplianceDbContext>(o => o.UseNpgsql(options.ConnectionString));
            services.AddSingleton<IDbContextFactory<ApplianceDbContext>, ProviderContextFactory<PostgresApplianceDbContext>>();
        }
        else
        {
            services.AddDbContextFactory<SqliteApplianceDbContext>(o =>
                o.UseSqlite($"Data Source={dataDirectory.DatabasePath};Foreign Keys=True"));
            services.AddSingleton<IDbContextFactory<ApplianceDbContext>, ProviderContextFactory<SqliteApplianceDbContext>>();
        }

        return services;
    }
}
