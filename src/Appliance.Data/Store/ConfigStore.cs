using Appliance.Data.ConfigKinds;
using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Secrets;
using Appliance.Data.Validation;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Store;

/// <summary>
/// The only writer of configuration. Every change reads the configuration document, applies the
/// change, validates the whole result, saves it in one transaction with its audit entry and a new
/// revision, and then signals the engine. A refused change leaves the database untouched.
/// </summary>
public sealed class ConfigStore
{
    private readonly IDbContextFactory<ApplianceDbContext> _contexts;
    private readonly ConfigChangeSignal _changeSignal;
    private readonly Certificates.AcmeWorkSignal _acmeWork;
    private readonly TimeProvider _time;
    private readonly IReservedPorts _reservedPorts;
    private readonly History.ConfigHistoryRecorder _history;

    /// <summary>The ports a stream may not take, for writes that go round the store's own methods (a restore).</summary>
    internal IReservedPorts ReservedPorts => _reservedPorts;

    /// <summary>Whether access lists may name countries, for writes that go round the store's own methods.</summary>
    internal ICountryRules CountryRules { get; }

    // SQLite has one writer at a time anyway; serialising here turns "database is locked" into a short wait.
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public ConfigStore(
        IDbContextFactory<ApplianceDbContext> contexts,
        ConfigChangeSignal changeSignal,
        Certificates.AcmeWorkSignal acmeWork,
        ConfigSecretProtector secrets,
        TimeProvider time,
        History.ConfigHistoryRecorder history,
        IReservedPorts? reservedPorts = null,
        ICountryRules? countryRules = null)
    {
        CountryRules = countryRules ?? new NoCountryDatabase();
        _reservedPorts = reservedPorts ?? new NoReservedPorts();
        _contexts = contexts;
        _changeSignal = changeSignal;
        _acmeWork = acmeWork;
        _time = time;
        _history = history;
        Secrets = secrets;
        Pools = new(this, Kinds.Pools);
        Routes = new(this, Kinds.Routes);
        CacheRules = new(this, Kinds.CacheRules);
        AccessLists = new(this, Kinds.AccessLists);
        RateLimits = new(this, Kinds.RateLimits);
        ErrorPages = new(this, Kinds.ErrorPages);
        Streams = new(this, Kinds.Streams);
        AlertChannels = new(this, Kinds.AlertChannels);
        AlertRules = new(this, Kinds.AlertRules);
        BanRules = new(this, Kinds.BanRules);
        ChallengeSettings = new(this, Kinds.ChallengeSettings);
    }

    /// <summary>Pools of backends.</summary>
    public ConfigObjects<PoolSpec> Pools { get; }

    /// <summary>Routes to pools.</summary>
    public ConfigObjects<RouteSpec> Routes { get; }

    /// <summary>What the shared cache may keep.</summary>
    public ConfigObjects<CacheRuleSpec> CacheRules { get; }

    /// <summary>Allow and deny rules over client addresses, and basic-auth users.</summary>
    public ConfigObjects<AccessListSpec> AccessLists { get; }

    /// <summary>Per-client-address rate limits.</summary>
    public ConfigObjects<RateLimitSpec> RateLimits { get; }

    /// <summary>The appliance's own error pages, dressed by the operator, globally or per route.</summary>
    public ConfigObjects<ErrorPageSpec> ErrorPages { get; }

    /// <summary>Raw TCP proxied to pools, from ports of their own or by SNI from the HTTPS port.</summary>
    public ConfigObjects<StreamSpec> Streams { get; }

    /// <summary>Where alerts go: webhooks and e-mail, with write-only secrets.</summary>
    public ConfigObjects<AlertChannelSpec> AlertChannels { get; }

    /// <summary>Which alert events go to which channels.</summary>
    public ConfigObjects<AlertRuleSpec> AlertRules { get; }

    /// <summary>Which answers count against a client address, and how many ban it.</summary>
    public ConfigObjects<BanRuleSpec> BanRules { get; }

    /// <summary>The under-attack switch and who never gets the proof-of-work challenge.</summary>
    public ConfigSettings<ChallengeSettingsSpec> ChallengeSettings { get; }

    /// <summary>Encrypts the secrets that objects keep (alert channels'), before the write lock is taken.</summary>
    internal ConfigSecretProtector Secrets { get; }

    /// <summary>The whole configuration and the revision it belongs to, read consistently.</summary>
    public async Task<RevisionedConfig> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var revision = await ReadRevisionAsync(db, cancellationToken);
        var document = await ConfigDocumentReader.ReadAsync(db, tracked: false, cancellationToken);
        return new RevisionedConfig(revision, document);
    }

    /// <summary>The whole configuration, for export.</summary>
    public async Task<ConfigDocument> ExportAsync(CancellationToken cancellationToken = default) =>
        (await ReadAsync(cancellationToken)).Document;

    /// <summary>The current configuration revision: a cheap query for the engine's poll.</summary>
    public async Task<long> GetRevisionAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await ReadRevisionAsync(db, cancellationToken);
    }

    /// <summary>Replaces the whole configuration with <paramref name="document"/>, all or nothing.</summary>
    public Task<StoreResult<ConfigDocument>> ImportAsync(ConfigDocument document, string actor, CancellationToken cancellationToken = default)
    {
        // Hashed and encrypted here, before the write lock, which the hashing would otherwise hold.
        var incoming = Kinds.All.Aggregate(ConfigNormalizer.Normalize(document), (d, kind) => kind.SealSecrets(d, Secrets));
        return ChangeAsync(actor, before => ConfigEdits.Import(before, incoming), cancellationToken);
    }

    // A change of the configuration document: the one write path (DocumentWriter) in the one transaction.
    internal Task<StoreResult<T>> ChangeAsync<T>(string actor, Func<ConfigDocument, ConfigEdit<T>> change, CancellationToken cancellationToken) =>
        WriteAsync(db => DocumentWriter.WriteAsync(db, _time, actor, change, _reservedPorts, CountryRules, cancellationToken), cancellationToken);

    internal async Task<IReadOnlyList<TSpec>> ReadObjectsAsync<TSpec>(ConfigKind<TSpec> kind, string? name, CancellationToken cancellationToken)
        where TSpec : class
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await kind.ReadAsync(db, tracked: false, name, cancellationToken);
    }

    // Every configuration change, certificates included, goes through here: one transaction, a new revision, a signal.
    internal async Task<StoreResult<T>> WriteAsync<T>(Func<ApplianceDbContext, Task<StoreResult<T>>> change, CancellationToken cancellationToken)
    {
        StoreResult<T> result;
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.LockConfigurationAsync(cancellationToken);
            result = await change(db);
            if (!result.Succeeded)
            {
                return result;
            }

            var revision = await db.Revisions.SingleAsync(r => r.Id == ConfigRevision.SingletonId, cancellationToken);
            revision.Revision++;
            revision.ChangedAt = _time.GetUtcNow();
            var audit = History.ConfigHistoryRecorder.AuditOf(db);
            await db.SaveChangesAsync(cancellationToken);

            // Every revision, a certificate's too, keeps the whole document it leaves, in this transaction.
            await _history.RecordAsync(db, revision.Revision, revision.ChangedAt, audit, cancellationToken);
            await db.NotifyNodesAsync(Cluster.ClusterNews.Configuration, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }

        _changeSignal.Notify();

        // A route may have asked for an automatic certificate.
        _acmeWork.Notify();
        return result;
    }

    private static async Task<long> ReadRevisionAsync(ApplianceDbContext db, CancellationToken cancellationToken) =>
        await db.Revisions.AsNoTracking().Where(r => r.Id == ConfigRevision.SingletonId).Select(r => r.Revision).SingleAsync(cancellationToken);
}
