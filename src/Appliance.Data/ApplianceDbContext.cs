using Appliance.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data;

/// <summary>The appliance's configuration database. Only <see cref="Store.ConfigStore"/> writes configuration through it.</summary>
public sealed class ApplianceDbContext(DbContextOptions<ApplianceDbContext> options) : DbContext(options)
{
    internal DbSet<PoolEntity> Pools => Set<PoolEntity>();
    internal DbSet<BackendEntity> Backends => Set<BackendEntity>();
    internal DbSet<RouteEntity> Routes => Set<RouteEntity>();
    internal DbSet<RouteTargetEntity> RouteTargets => Set<RouteTargetEntity>();
    internal DbSet<ConfigRevision> Revisions => Set<ConfigRevision>();
    internal DbSet<ApiTokenEntity> ApiTokens => Set<ApiTokenEntity>();
    internal DbSet<UserEntity> Users => Set<UserEntity>();
    internal DbSet<RevokedSessionEntity> RevokedSessions => Set<RevokedSessionEntity>();
    internal DbSet<CertificateEntity> Certificates => Set<CertificateEntity>();
    internal DbSet<AcmeAccountEntity> AcmeAccounts => Set<AcmeAccountEntity>();
    internal DbSet<CacheRuleEntity> CacheRules => Set<CacheRuleEntity>();
    internal DbSet<AccessListEntity> AccessLists => Set<AccessListEntity>();
    internal DbSet<RateLimitEntity> RateLimits => Set<RateLimitEntity>();

    /// <summary>Audit trail of configuration changes.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApplianceDbContext).Assembly);
    }
}
