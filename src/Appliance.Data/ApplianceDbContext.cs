using Appliance.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data;

/// <summary>
/// The appliance's configuration database. Only <see cref="Store.ConfigStore"/> writes configuration
/// through it. One model for every provider; each provider has its own subclass, which owns that
/// provider's migrations (<c>Migrations/Sqlite</c>, <c>Migrations/Postgres</c>) and its dialect.
/// </summary>
public abstract class ApplianceDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    internal DbSet<PoolEntity> Pools => Set<PoolEntity>();
    internal DbSet<BackendEntity> Backends => Set<BackendEntity>();
    internal DbSet<RouteEntity> Routes => Set<RouteEntity>();
    internal DbSet<RouteTargetEntity> RouteTargets => Set<RouteTargetEntity>();
    internal DbSet<ConfigRevision> Revisions => Set<ConfigRevision>();
    internal DbSet<ConfigHistoryEntry> History => Set<ConfigHistoryEntry>();
    internal DbSet<ApiTokenEntity> ApiTokens => Set<ApiTokenEntity>();
    internal DbSet<UserEntity> Users => Set<UserEntity>();
    internal DbSet<RevokedSessionEntity> RevokedSessions => Set<RevokedSessionEntity>();
    internal DbSet<TwoFactorEnrolmentEntity> TwoFactorEnrolments => Set<TwoFactorEnrolmentEntity>();
    internal DbSet<RecoveryCodeEntity> RecoveryCodes => Set<RecoveryCodeEntity>();
    internal DbSet<SignInPolicyEntity> SignInPolicy => Set<SignInPolicyEntity>();
    internal DbSet<CertificateEntity> Certificates => Set<CertificateEntity>();
    internal DbSet<AcmeAccountEntity> AcmeAccounts => Set<AcmeAccountEntity>();
    internal DbSet<CacheRuleEntity> CacheRules => Set<CacheRuleEntity>();
    internal DbSet<AccessListEntity> AccessLists => Set<AccessListEntity>();
    internal DbSet<RateLimitEntity> RateLimits => Set<RateLimitEntity>();
    internal DbSet<ErrorPageEntity> ErrorPages => Set<ErrorPageEntity>();
    internal DbSet<StreamEntity> Streams => Set<StreamEntity>();
    internal DbSet<AlertChannelEntity> AlertChannels => Set<AlertChannelEntity>();
    internal DbSet<AlertRuleEntity> AlertRules => Set<AlertRuleEntity>();
    internal DbSet<BanRuleEntity> BanRules => Set<BanRuleEntity>();
    internal DbSet<SettingEntity> Settings => Set<SettingEntity>();
    internal DbSet<UptimeSessionEntity> UptimeSessions => Set<UptimeSessionEntity>();
    internal DbSet<HealthTransitionEntity> HealthTransitions => Set<HealthTransitionEntity>();

    internal DbSet<NodeEntity> Nodes => Set<NodeEntity>();
    internal DbSet<LeaseEntity> Leases => Set<LeaseEntity>();
    internal DbSet<AcmeChallengeEntity> AcmeChallenges => Set<AcmeChallengeEntity>();
    internal DbSet<ClusterMessageEntity> ClusterMessages => Set<ClusterMessageEntity>();

    /// <summary>The Data Protection key ring, when it is kept in the database (several nodes share it).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Audit trail of configuration changes.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>
    /// Inside a configuration write's transaction, before the document is read: makes every other
    /// writer of the configuration, on this node or another, wait until this transaction ends, so
    /// that each write validates the document the previous one left.
    /// </summary>
    internal abstract Task LockConfigurationAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inside a transaction: tells the other nodes, at commit and only if it commits, that
    /// <paramref name="news"/> (a <see cref="Cluster.ClusterNews"/> value) happened. One node needs no telling.
    /// </summary>
    internal abstract Task NotifyNodesAsync(string news, CancellationToken cancellationToken);

    /// <summary>
    /// Inside a cluster message's transaction: makes appends commit one after another, so that ids
    /// become visible in increasing order and a reader that has seen id n never later finds a smaller one.
    /// </summary>
    internal abstract Task LockClusterMessagesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inside the key ring loader's transaction at start: nodes starting together load (and, on an
    /// empty ring, create) the Data Protection key one after another, so they end up with one key.
    /// </summary>
    internal abstract Task LockKeyRingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Before the migrations at start, released by disposing: nodes starting together migrate one
    /// after another. EF's own migration lock on PostgreSQL lasts one migration's transaction, so
    /// with two pending migrations a second node could apply the later one again after the first
    /// node had (found when the second migration ever was added).
    /// </summary>
    internal abstract Task<IAsyncDisposable> LockMigrationsAsync(CancellationToken cancellationToken);

    /// <summary>After the migrations at start: what this provider needs before anything else reads or writes.</summary>
    internal abstract Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Where the database is, for the log: never the connection string, which may hold a password.</summary>
    internal abstract string Describe();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApplianceDbContext).Assembly);
    }
}
