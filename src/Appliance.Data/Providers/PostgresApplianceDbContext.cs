using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Providers;

/// <summary>The database several nodes share; owns <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresApplianceDbContext(DbContextOptions<PostgresApplianceDbContext> options) : ApplianceDbContext(options)
{
    // "Applianc" in ASCII: the one advisory lock key of configuration writes.
    private const long ConfigurationLockKey = 0x4170706C69616E63;

    // Several nodes write: the in-process lock orders only this node's writers. A transaction-scoped
    // advisory lock orders them all and is released by the commit or rollback, even if the node dies.
    internal override Task LockConfigurationAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ConfigurationLockKey})", cancellationToken);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffset>();
    }
}
