using Appliance.Data;
using Appliance.Data.Auditing;
using Appliance.Data.Backup;
using Appliance.Data.Cluster;
using Appliance.Data.History;
using Appliance.Data.Hosting;
using Appliance.Data.KeyRing;
using Appliance.Data.Providers;
using Appliance.Data.Store;
using Appliance.Data.Tokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the configuration database and its store.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Adds the database (<c>Appliance:Database:Provider</c>: SQLite under <c>Appliance:DataDirectory</c>,
    /// default <c>./data</c>, or a shared PostgreSQL), the
    /// migrator that brings it up to date at start, the <see cref="ConfigStore"/>, the audit log and the token store.
    /// </summary>
    public static IServiceCollection AddApplianceData(this IServiceCollection services, IConfiguration configuration)
    {
        var dataDirectory = DataDirectory.FromConfiguration(configuration);
        dataDirectory.EnsureExists();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(dataDirectory);
        var database = DatabaseOptions.FromConfiguration(configuration);
        services.AddApplianceDatabase(database, dataDirectory);
        services.AddHostedService<DatabaseMigrator>();
        services.AddApplianceCluster(configuration, database);
        services.AddSingleton<ConfigChangeSignal>();
        // The engine registers the ports it listens on; alone, the store knows none.
        services.TryAddSingleton<IReservedPorts, NoReservedPorts>();
        services.TryAddSingleton<ICountryRules, NoCountryDatabase>();
        services.AddSingleton<ConfigStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<Appliance.Data.Uptime.UptimeStore>();
        services.AddSingleton<ApiTokenStore>();
        services.AddSharedCounters(configuration);
        services.AddSingleton<Appliance.Data.Users.SignInThrottle>();
        services.AddSingleton<Appliance.Data.Users.UserStore>();
        services.AddSingleton<Appliance.Data.Users.Preferences.UserPreferencesStore>();
        services.AddSingleton<Appliance.Data.Users.RevokedSessionStore>();
        services.AddSingleton<Appliance.Data.Users.SessionCheckCache>();

        // The key ring encrypts private keys and the admin site's cookies: it lives with the rest of
        // the appliance's state (data directory or shared database), never in the user's home.
        services.AddApplianceKeyRing(configuration, database, dataDirectory);

        // After the key ring's loader: keeping the current document at start may encrypt with it.
        services.AddConfigHistory(configuration);
        services.AddSingleton<Appliance.Data.Certificates.CertificateKeyProtector>();
        services.AddTwoFactor();
        services.AddBackup();
        services.AddSingleton<Appliance.Data.Secrets.ConfigSecretProtector>();
        services.AddSingleton<Appliance.Data.Certificates.AcmeWorkSignal>();
        services.AddSingleton<Appliance.Data.Certificates.CertificateStore>();
        services.AddSingleton<Appliance.Data.Certificates.CertificateReplacer>();
        services.AddSingleton<Appliance.Data.Certificates.AcmeAccountStore>();

        // After the migrator: the seeder may create the first administrator, and only if none
        // exists then does the setup code come to life.
        services.AddHostedService<Appliance.Data.Users.InitialUserSeeder>();
        services.AddSingleton<Appliance.Data.Users.SetupCode>();
        services.AddHostedService(sp => sp.GetRequiredService<Appliance.Data.Users.SetupCode>());
        return services;
    }
}
