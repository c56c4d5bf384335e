using Appliance.Data.Hosting;
using Appliance.Data.Providers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Appliance.Data.KeyRing;

/// <summary>
/// Where the Data Protection key ring lives and what protects it. It encrypts the admin cookie,
/// antiforgery tokens and the private keys of certificates and the ACME account, so every node of
/// one installation needs the same ring: with PostgreSQL it is a table of the shared database,
/// with SQLite it stays in the owner-only data directory (<c>keys/</c>), where existing installs have it.
/// </summary>
internal static class KeyRingRegistration
{
    public static IServiceCollection AddApplianceKeyRing(this IServiceCollection services, IConfiguration configuration, DatabaseOptions database, DataDirectory dataDirectory)
    {
        var options = KeyRingOptions.FromConfiguration(configuration, database.Provider);

        // The Settings page shows which protector is in force (never its password).
        services.AddSingleton(options);
        var builder = services.AddDataProtection().SetApplicationName("Appliance");
        if (database.IsShared)
        {
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
                o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IDbContextFactory<ApplianceDbContext>>())));
            services.AddHostedService<KeyRingInitializer>();
        }
        else
        {
            builder.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory.FullPath, "keys")));
        }

        if (options.KeyFile is not null)
        {
            var keys = new RingKeys(
                RingKey.Load(options.KeyFile, KeyRingOptions.KeyFileKey),
                options.PreviousKeyFile is null ? [] : [RingKey.Load(options.PreviousKeyFile, KeyRingOptions.PreviousKeyFileKey)]);
            services.AddSingleton(keys);
            services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new KeyFileXmlEncryptor(keys));
        }
        else if (options.CertificatePath is not null)
        {
            builder.ProtectKeysWithCertificate(RingCertificate.Load(options.CertificatePath, options.CertificatePassword, KeyRingOptions.CertificatePathKey, KeyRingOptions.CertificatePasswordKey));
            if (options.PreviousCertificatePath is not null)
            {
                builder.UnprotectKeysWithAnyCertificate(
                    RingCertificate.Load(options.PreviousCertificatePath, options.PreviousCertificatePassword, KeyRingOptions.PreviousCertificatePathKey, KeyRingOptions.PreviousCertificatePasswordKey));
            }
        }

        return services;
    }
}
