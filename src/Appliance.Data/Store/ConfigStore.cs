using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Passwords;
using Appliance.Data.Validation;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.Store;

/// <summary>
/// The only writer of configuration. Every change is normalised, validated against the whole
/// resulting configuration, saved in one transaction with its audit entry and a new revision, and
/// then signalled to the engine. A refused change leaves the database untouched.
/// </summary>
public sealed class ConfigStore(IDbContextFactory<ApplianceDbContext> contexts, ConfigChangeSignal changeSignal, Certificates.AcmeWorkSignal acmeWork, TimeProvider time)
{
    private const string PoolEntityType = "pool";
    private const string RouteEntityType = "route";
    private const string ConfigEntityType = "config";
    private const string CacheRuleEntityType = "cache-rule";
    private const string AccessListEntityType = "access-list";
    private const string RateLimitEntityType = "rate-limit";

    // SQLite has one writer at a time anyway; serialising here turns "database is locked" into a short wait.
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>Every pool, by name.</summary>
    public async Task<IReadOnlyList<PoolSpec>> GetPoolsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pools = await db.Pools.AsNoTracking().Include(p => p.Backends).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        return pools.Select(SpecMapper.ToSpec).ToArray();
    }

    /// <summary>One pool, or null.</summary>
    public async Task<PoolSpec?> GetPoolAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pool = await db.Pools.AsNoTracking().Include(p => p.Backends).SingleOrDefaultAsync(p => p.Name == name, cancellationToken);
        return pool is null ? null : SpecMapper.ToSpec(pool);
    }

    /// <summary>Every route, by name.</summary>
    public async Task<IReadOnlyList<RouteSpec>> GetRoutesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var poolNames = await db.Pools.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var routes = await db.Routes.AsNoTracking().Include(r => r.Targets).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        return routes.Select(r => SpecMapper.ToSpec(r, poolNames)).ToArray();
    }

    /// <summary>One route, or null.</summary>
    public async Task<RouteSpec?> GetRouteAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var route = await db.Routes.AsNoTracking().Include(r => r.Targets).SingleOrDefaultAsync(r => r.Name == name, cancellationToken);
        if (route is null)
        {
            return null;
        }

        var poolNames = await db.Pools.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        return SpecMapper.ToSpec(route, poolNames);
    }

    /// <summary>The whole configuration and the revision it belongs to, read consistently.</summary>
    public async Task<RevisionedConfig> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var revision = await ReadRevisionAsync(db, cancellationToken);
        var document = await ReadDocumentAsync(db, cancellationToken);
        return new RevisionedConfig(revision, document);
    }

    /// <summary>The whole configuration, for export.</summary>
    public async Task<ConfigDocument> ExportAsync(CancellationToken cancellationToken = default) =>
        (await ReadAsync(cancellationToken)).Document;

    /// <summary>The current configuration revision: a cheap query for the engine's poll.</summary>
    public async Task<long> GetRevisionAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await ReadRevisionAsync(db, cancellationToken);
    }

    /// <summary>Creates a pool; 409 when the name is taken.</summary>
    public Task<StoreResult<PoolSpec>> CreatePoolAsync(PoolSpec spec, string actor, CancellationToken cancellationToken = default)
    {
        var pool = ConfigNormalizer.Normalize(spec);
        return WriteAsync<PoolSpec>(async db =>
        {
            var errors = new ValidationErrors();
            ConfigValidator.ValidatePool(pool, errors);
            if (!errors.IsEmpty)
            {
                return StoreResult<PoolSpec>.Invalid(errors);
            }

            if (await db.Pools.AnyAsync(p => p.Name == pool.Name, cancellationToken))
            {
                return StoreResult<PoolSpec>.Conflict("name", $"A pool named '{pool.Name}' already exists.");
            }

            var entity = new PoolEntity();
            SpecMapper.Apply(pool, entity);
            db.Pools.Add(entity);
            Audit(db, actor, AuditAction.Create, PoolEntityType, pool.Name, before: null, after: pool);
            return StoreResult<PoolSpec>.Ok(pool);
        }, cancellationToken);
    }

    /// <summary>Replaces a pool; its name cannot change.</summary>
    public Task<StoreResult<PoolSpec>> UpdatePoolAsync(string name, PoolSpec spec, string actor, CancellationToken cancellationToken = default)
    {
        var pool = ConfigNormalizer.Normalize(spec.Name is null or "" ? spec with { Name = name } : spec);
        return WriteAsync<PoolSpec>(async db =>
        {
            var entity = await db.Pools.Include(p => p.Backends).SingleOrDefaultAsync(p => p.Name == name, cancellationToken);
            if (entity is null)
            {
                return StoreResult<PoolSpec>.NotFound($"There is no pool named '{name}'.");
            }

            var errors = new ValidationErrors();
            ConfigValidator.ValidatePool(pool, errors);
            if (pool.Name != name)
            {
                errors.Add("name", $"The name cannot be changed (the URL names '{name}'); create a new pool instead.");
            }

            if (!errors.IsEmpty)
            {
                return StoreResult<PoolSpec>.Invalid(errors);
            }

            var before = SpecMapper.ToSpec(entity);
            SpecMapper.Apply(pool, entity);
            Audit(db, actor, AuditAction.Update, PoolEntityType, name, before, pool);
            return StoreResult<PoolSpec>.Ok(pool);
        }, cancellationToken);
    }

    /// <summary>Deletes a pool; 409 while a route targets it.</summary>
    public Task<StoreResult<PoolSpec>> DeletePoolAsync(string name, string actor, CancellationToken cancellationToken = default) =>
        WriteAsync<PoolSpec>(async db =>
        {
            var entity = await db.Pools.Include(p => p.Backends).SingleOrDefaultAsync(p => p.Name == name, cancellationToken);
            if (entity is null)
            {
                return StoreResult<PoolSpec>.NotFound($"There is no pool named '{name}'.");
            }

            var users = await db.Routes.Where(r => r.Targets.Any(t => t.PoolId == entity.Id)).Select(r => r.Name).OrderBy(n => n).ToListAsync(cancellationToken);
            if (users.Count > 0)
            {
                return StoreResult<PoolSpec>.Conflict("name",
                    $"Pool '{name}' is a target of {(users.Count == 1 ? "route" : "routes")} {string.Join(", ", users.Select(u => $"'{u}'"))}; remove it from their targets first.");
            }

            var before = SpecMapper.ToSpec(entity);
            db.Pools.Remove(entity);
            Audit(db, actor, AuditAction.Delete, PoolEntityType, name, before, after: null);
            return StoreResult<PoolSpec>.Ok(before);
        }, cancellationToken);

    /// <summary>Creates a route; 409 when the name is taken, 400 when a target names no pool.</summary>
    public Task<StoreResult<RouteSpec>> CreateRouteAsync(RouteSpec spec, string actor, CancellationToken cancellationToken = default)
    {
        var route = ConfigNormalizer.Normalize(spec);
        return WriteAsync<RouteSpec>(async db =>
        {
            var poolIds = await db.Pools.ToDictionaryAsync(p => p.Name, p => p.Id, StringComparer.Ordinal, cancellationToken);
            var errors = new ValidationErrors();
            ConfigValidator.ValidateRoute(route, poolIds.Keys.ToHashSet(StringComparer.Ordinal), errors);
            await ValidateCertificateAsync(db, route, errors, "tls", cancellationToken);
            await ValidateReferencesAsync(db, route, errors, cancellationToken);
            if (!errors.IsEmpty)
            {
                return StoreResult<RouteSpec>.Invalid(errors);
            }

            if (await db.Routes.AnyAsync(r => r.Name == route.Name, cancellationToken))
            {
                return StoreResult<RouteSpec>.Conflict("name", $"A route named '{route.Name}' already exists.");
            }

            var entity = new RouteEntity();
            SpecMapper.Apply(route, entity, poolIds);
            db.Routes.Add(entity);
            Audit(db, actor, AuditAction.Create, RouteEntityType, route.Name, before: null, after: route);
            return StoreResult<RouteSpec>.Ok(route);
        }, cancellationToken);
    }

    /// <summary>Replaces a route; its name cannot change.</summary>
    public Task<StoreResult<RouteSpec>> UpdateRouteAsync(string name, RouteSpec spec, string actor, CancellationToken cancellationToken = default)
    {
        var route = ConfigNormalizer.Normalize(spec.Name is null or "" ? spec with { Name = name } : spec);
        return WriteAsync<RouteSpec>(async db =>
        {
            var entity = await db.Routes.Include(r => r.Targets).SingleOrDefaultAsync(r => r.Name == name, cancellationToken);
            if (entity is null)
            {
                return StoreResult<RouteSpec>.NotFound($"There is no route named '{name}'.");
            }

            var poolIds = await db.Pools.ToDictionaryAsync(p => p.Name, p => p.Id, StringComparer.Ordinal, cancellationToken);
            var errors = new ValidationErrors();
            ConfigValidator.ValidateRoute(route, poolIds.Keys.ToHashSet(StringComparer.Ordinal), errors);
            await ValidateCertificateAsync(db, route, errors, "tls", cancellationToken);
            await ValidateReferencesAsync(db, route, errors, cancellationToken);
            if (route.Name != name)
            {
                errors.Add("name", $"The name cannot be changed (the URL names '{name}'); create a new route instead.");
            }

            if (!errors.IsEmpty)
            {
                return StoreResult<RouteSpec>.Invalid(errors);
            }

            var before = SpecMapper.ToSpec(entity, poolIds.ToDictionary(p => p.Value, p => p.Key));
            SpecMapper.Apply(route, entity, poolIds);
            Audit(db, actor, AuditAction.Update, RouteEntityType, name, before, route);
            return StoreResult<RouteSpec>.Ok(route);
        }, cancellationToken);
    }

    /// <summary>Deletes a route.</summary>
    public Task<StoreResult<RouteSpec>> DeleteRouteAsync(string name, string actor, CancellationToken cancellationToken = default) =>
        WriteAsync<RouteSpec>(async db =>
        {
            var entity = await db.Routes.Include(r => r.Targets).SingleOrDefaultAsync(r => r.Name == name, cancellationToken);
            if (entity is null)
            {
                return StoreResult<RouteSpec>.NotFound($"There is no route named '{name}'.");
            }

            var rules = await db.CacheRules.Where(r => r.Route == name).Select(r => r.Name).OrderBy(n => n).ToListAsync(cancellationToken);
            if (rules.Count > 0)
            {
                return StoreResult<RouteSpec>.Conflict("name",
                    $"Route '{name}' has cache {(rules.Count == 1 ? "rule" : "rules")} {string.Join(", ", rules.Select(r => $"'{r}'"))}; delete them first.");
            }

            var poolNames = await db.Pools.ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
            var before = SpecMapper.ToSpec(entity, poolNames);
            db.Routes.Remove(entity);
            Audit(db, actor, AuditAction.Delete, RouteEntityType, name, before, after: null);
            return StoreResult<RouteSpec>.Ok(before);
        }, cancellationToken);

    /// <summary>Every cache rule, by name.</summary>
    public async Task<IReadOnlyList<CacheRuleSpec>> GetCacheRulesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rules = await db.CacheRules.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        return rules.Select(SpecMapper.ToSpec).ToArray();
    }

    /// <summary>Creates a cache rule; 409 when the name is taken.</summary>
    public Task<StoreResult<CacheRuleSpec>> CreateCacheRuleAsync(CacheRuleSpec spec, string actor, CancellationToken cancellationToken = default)
    {
        var rule = ConfigNormalizer.Normalize(spec);
        return WriteAsync<CacheRuleSpec>(async db =>
        {
            var errors = new ValidationErrors();
            ConfigValidator.ValidateCacheRule(rule, await RouteNamesAsync(db, cancellationToken), errors);
            if (!errors.IsEmpty)
            {
                return StoreResult<CacheRuleSpec>.Invalid(errors);
            }

            if (await db.CacheRules.AnyAsync(r => r.Name == rule.Name, cancellationToken))
            {
                return StoreResult<CacheRuleSpec>.Conflict("name", $"A cache rule named '{rule.Name}' already exists.");
            }

            var entity = new CacheRuleEntity();
            SpecMapper.Apply(rule, entity);
            db.CacheRules.Add(entity);
            Audit(db, actor, AuditAction.Create, CacheRuleEntityType, rule.Name, before: null, after: rule);
            return StoreResult<CacheRuleSpec>.Ok(rule);
        }, cancellationToken);
    }

    /// <summary>Replaces a cache rule; its name cannot change.</summary>
    public Task<StoreResult<CacheRuleSpec>> UpdateCacheRuleAsync(string name, CacheRuleSpec spec, string actor, CancellationToken cancellationToken = default)
    {
        var rule = ConfigNormalizer.Normalize(spec.Name is null or "" ? spec with { Name = name } : spec);
        return WriteAsync<CacheRuleSpec>(async db =>
        {
            var entity = await db.CacheRules.SingleOrDefaultAsync(r => r.Name == name, cancellationToken);
            if (entity is null)
            {
                return StoreResult<CacheRuleSpec>.NotFound($"There is no cache rule named '{name}'.");
            }

            var errors = new ValidationErrors();
            ConfigValidator.ValidateCacheRule(rule, await RouteNamesAsync(db, cancellationToken), errors);
            if (rule.Name != name)
            {
                errors.Add("name", $"The name cannot be changed (the URL names '{name}'); create a new rule instead.");
            }

            if (!errors.IsEmpty)
            {
                return StoreResult<CacheRuleSpec>.Invalid(errors);
            }

            var before = SpecMapper.ToSpec(entity);
            SpecMapper.Apply(rule, entity);
            Audit(db, actor, AuditAction.Update, CacheRuleEntityType, name, before, rule);
            return StoreResult<CacheRuleSpec>.Ok(rule);
        }, cancellationToken);
    }

    /// <summary>Deletes a cache rule.</summary>
    public Task<StoreResult<CacheRuleSpec>> DeleteCacheRuleAsync(string name, string actor, CancellationToken cancellationToken = default) =>
        WriteAsync<CacheRuleSpec>(async db =>
        {
            var entity = await db.CacheRules.SingleOrDefaultAsync(r => r.Name == name, cancellationToken);
            if (entity is null)
            {
                return StoreResult<CacheRuleSpec>.NotFound($"There is no cache rule named '{name}'.");
            }

            var before = SpecMapper.ToSpec(entity);
            db.CacheRules.Remove(entity);
            Audit(db, actor, AuditAction.Delete, CacheRuleEntityType, name, before, after: null);
            return StoreResult<CacheRuleSpec>.Ok(before);
        }, cancellationToken);

    /// <summary>Every access list, by name.</summary>
    public async Task<IReadOnlyList<AccessListSpec>> GetAccessListsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.AccessLists.AsNoTracking().OrderBy(l => l.Name).ToListAsync(cancellationToken)).Select(SpecMapper.ToSpec).ToArray();
    }

    /// <summary>Creates or replaces an access list (by name).</summary>
    public Task<StoreResult<AccessListSpec>> SaveAccessListAsync(AccessListSpec spec, string actor, CancellationToken cancellationToken = default)
    {
        var list = ConfigNormalizer.Normalize(spec);
        return WriteAsync<AccessListSpec>(async db =>
        {
            var errors = new ValidationErrors();
            ConfigValidator.ValidateAccessList(list, errors);
            if (!errors.IsEmpty)
            {
                return StoreResult<AccessListSpec>.Invalid(errors);
            }

            var entity = await db.AccessLists.SingleOrDefaultAsync(l => l.Name == list.Name, cancellationToken);
            var before = entity is null ? null : SpecMapper.ToSpec(entity);
            var resolved = list with { BasicAuthUsers = BasicAuthPasswords.Resolve(list.BasicAuthUsers, before?.BasicAuthUsers ?? [], errors) };
            if (!errors.IsEmpty)
            {
                return StoreResult<AccessListSpec>.Invalid(errors);
            }

            if (entity is null)
            {
                entity = new AccessListEntity();
                db.AccessLists.Add(entity);
            }

            list = resolved;
            SpecMapper.Apply(list, entity);
            Audit(db, actor, before is null ? AuditAction.Create : AuditAction.Update, AccessListEntityType, list.Name, before, list);
            return StoreResult<AccessListSpec>.Ok(list);
        }, cancellationToken);
    }

    /// <summary>Deletes an access list unless a route uses it.</summary>
    public Task<StoreResult<AccessListSpec>> DeleteAccessListAsync(string name, string actor, CancellationToken cancellationToken = default) =>
        WriteAsync<AccessListSpec>(async db =>
        {
            var entity = await db.AccessLists.SingleOrDefaultAsync(l => l.Name == name, cancellationToken);
            if (entity is null)
            {
                return StoreResult<AccessListSpec>.NotFound($"There is no access list named '{name}'.");
            }

            var users = await db.Routes.Where(r => r.AccessList == name).Select(r => r.Name).OrderBy(n => n).ToListAsync(cancellationToken);
            if (users.Count > 0)
            {
                return StoreResult<AccessListSpec>.Conflict("name", $"Access list '{name}' is used by route {string.Join(", ", users.Select(u => $"'{u}'"))}.");
            }

            var before = SpecMapper.ToSpec(entity);
            db.AccessLists.Remove(entity);
            Audit(db, actor, AuditAction.Delete, AccessListEntityType, name, before, after: null);
            return StoreResult<AccessListSpec>.Ok(before);
        }, cancellationToken);

    /// <summary>Every rate limit, by name.</summary>
    public async Task<IReadOnlyList<RateLimitSpec>> GetRateLimitsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.RateLimits.AsNoTracking().OrderBy(l => l.Name).ToListAsync(cancellationToken)).Select(SpecMapper.ToSpec).ToArray();
    }

    /// <summary>Creates or replaces a rate limit (by name).</summary>
    public Task<StoreResult<RateLimitSpec>> SaveRateLimitAsync(RateLimitSpec spec, string actor, CancellationToken cancellationToken = default)
    {
        var limit = spec with { Name = spec.Name?.Trim() ?? "" };
        return WriteAsync<RateLimitSpec>(async db =>
        {
            var errors = new ValidationErrors();
            ConfigValidator.ValidateRateLimit(limit, errors);
            if (!errors.IsEmpty)
            {
                return StoreResult<RateLimitSpec>.Invalid(errors);
            }

            var entity = await db.RateLimits.SingleOrDefaultAsync(l => l.Name == limit.Name, cancellationToken);
            var before = entity is null ? null : SpecMapper.ToSpec(entity);
            if (entity is null)
            {
                entity = new RateLimitEntity();
                db.RateLimits.Add(entity);
            }

            SpecMapper.Apply(limit, entity);
            Audit(db, actor, before is null ? AuditAction.Create : AuditAction.Update, RateLimitEntityType, limit.Name, before, limit);
            return StoreResult<RateLimitSpec>.Ok(limit);
        }, cancellationToken);
    }

    /// <summary>Deletes a rate limit unless a route uses it.</summary>
    public Task<StoreResult<RateLimitSpec>> DeleteRateLimitAsync(string name, string actor, CancellationToken cancellationToken = default) =>
        WriteAsync<RateLimitSpec>(async db =>
        {
            var entity = await db.RateLimits.SingleOrDefaultAsync(l => l.Name == name, cancellationToken);
            if (entity is null)
            {
                return StoreResult<RateLimitSpec>.NotFound($"There is no rate limit named '{name}'.");
            }

            var users = await db.Routes.Where(r => r.RateLimit == name).Select(r => r.Name).OrderBy(n => n).ToListAsync(cancellationToken);
            if (users.Count > 0)
            {
                return StoreResult<RateLimitSpec>.Conflict("name", $"Rate limit '{name}' is used by route {string.Join(", ", users.Select(u => $"'{u}'"))}.");
            }

            var before = SpecMapper.ToSpec(entity);
            db.RateLimits.Remove(entity);
            Audit(db, actor, AuditAction.Delete, RateLimitEntityType, name, before, after: null);
            return StoreResult<RateLimitSpec>.Ok(before);
        }, cancellationToken);

    private static async Task ValidateReferencesAsync(ApplianceDbContext db, RouteSpec route, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var lists = (await db.AccessLists.Select(l => l.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var limits = (await db.RateLimits.Select(l => l.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        ConfigValidator.ValidateRouteReferences(route, lists, limits, errors);
    }

    private static async Task<IReadOnlySet<string>> RouteNamesAsync(ApplianceDbContext db, CancellationToken cancellationToken) =>
        (await db.Routes.Select(r => r.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Replaces the whole configuration with <paramref name="document"/>, all or nothing.</summary>
    public Task<StoreResult<ConfigDocument>> ImportAsync(ConfigDocument document, string actor, CancellationToken cancellationToken = default)
    {
        var normalized = ConfigNormalizer.Normalize(document);
        return WriteAsync<ConfigDocument>(async db =>
        {
            var errors = ConfigValidator.ValidateDocument(normalized);
            for (var i = 0; i < normalized.Routes.Count; i++)
            {
                await ValidateCertificateAsync(db, normalized.Routes[i], errors, $"routes[{i}].tls", cancellationToken);
            }

            if (!errors.IsEmpty)
            {
                return StoreResult<ConfigDocument>.Invalid(errors);
            }

            var before = await ReadDocumentAsync(db, cancellationToken);
            var storedLists = before.AccessLists.ToDictionary(l => l.Name, StringComparer.Ordinal);
            var accessLists = normalized.AccessLists.Select((list, i) => list with
            {
                BasicAuthUsers = BasicAuthPasswords.Resolve(list.BasicAuthUsers, storedLists.GetValueOrDefault(list.Name)?.BasicAuthUsers ?? [], errors, $"accessLists[{i}]"),
            }).ToArray();
            if (!errors.IsEmpty)
            {
                return StoreResult<ConfigDocument>.Invalid(errors);
            }

            normalized = normalized with { AccessLists = accessLists };
            await db.CacheRules.ExecuteDeleteAsync(cancellationToken);
            await db.AccessLists.ExecuteDeleteAsync(cancellationToken);
            await db.RateLimits.ExecuteDeleteAsync(cancellationToken);
            await db.RouteTargets.ExecuteDeleteAsync(cancellationToken);
            await db.Routes.ExecuteDeleteAsync(cancellationToken);
            await db.Backends.ExecuteDeleteAsync(cancellationToken);
            await db.Pools.ExecuteDeleteAsync(cancellationToken);

            var pools = normalized.Pools.Select(spec =>
            {
                var entity = new PoolEntity();
                SpecMapper.Apply(spec, entity);
                return entity;
            }).ToList();
            db.Pools.AddRange(pools);
            await db.SaveChangesAsync(cancellationToken);

            var poolIds = pools.ToDictionary(p => p.Name, p => p.Id, StringComparer.Ordinal);
            foreach (var spec in normalized.Routes)
            {
                var entity = new RouteEntity();
                SpecMapper.Apply(spec, entity, poolIds);
                db.Routes.Add(entity);
            }

            foreach (var spec in normalized.AccessLists)
            {
                var list = new AccessListEntity();
                SpecMapper.Apply(spec, list);
                db.AccessLists.Add(list);
            }

            foreach (var spec in normalized.RateLimits)
            {
                var limit = new RateLimitEntity();
                SpecMapper.Apply(spec, limit);
                db.RateLimits.Add(limit);
            }

            foreach (var spec in normalized.CacheRules)
            {
                var rule = new CacheRuleEntity();
                SpecMapper.Apply(spec, rule);
                db.CacheRules.Add(rule);
            }

            Audit(db, actor, AuditAction.Import, ConfigEntityType, "all", before, normalized);
            return StoreResult<ConfigDocument>.Ok(normalized);
        }, cancellationToken);
    }

    // Every configuration change, certificates included, goes through here: one transaction, a new revision, a signal.
    internal async Task<StoreResult<T>> WriteAsync<T>(Func<ApplianceDbContext, Task<StoreResult<T>>> change, CancellationToken cancellationToken)
    {
        StoreResult<T> result;
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            result = await change(db);
            if (!result.Succeeded)
            {
                return result;
            }

            var revision = await db.Revisions.SingleAsync(r => r.Id == ConfigRevision.SingletonId, cancellationToken);
            revision.Revision++;
            revision.ChangedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }

        changeSignal.Notify();

        // A route may have asked for an automatic certificate.
        acmeWork.Notify();
        return result;
    }

    // A route that names a certificate must name one that exists; "off" and "auto" name none.
    private static async Task ValidateCertificateAsync(ApplianceDbContext db, RouteSpec route, ValidationErrors errors, string field, CancellationToken cancellationToken)
    {
        if (route?.Tls is null or TlsModes.Off or TlsModes.Auto || !Slug.IsValid(route.Tls))
        {
            return;
        }

        if (!await db.Certificates.AnyAsync(c => c.Name == route.Tls, cancellationToken))
        {
            errors.Add(field, $"There is no certificate named '{route.Tls}'; upload or request it first.");
        }
    }

    private void Audit(ApplianceDbContext db, string actor, AuditAction action, string entityType, string entityName, object? before, object? after) =>
        Auditing.AuditTrail.Add(db, time, actor, action, entityType, entityName, before, after);

    private static async Task<long> ReadRevisionAsync(ApplianceDbContext db, CancellationToken cancellationToken) =>
        await db.Revisions.AsNoTracking().Where(r => r.Id == ConfigRevision.SingletonId).Select(r => r.Revision).SingleAsync(cancellationToken);

    private static async Task<ConfigDocument> ReadDocumentAsync(ApplianceDbContext db, CancellationToken cancellationToken)
    {
        var pools = await db.Pools.AsNoTracking().Include(p => p.Backends).OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var poolNames = pools.ToDictionary(p => p.Id, p => p.Name);
        var routes = await db.Routes.AsNoTracking().Include(r => r.Targets).OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var cacheRules = await db.CacheRules.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var accessLists = await db.AccessLists.AsNoTracking().OrderBy(l => l.Name).ToListAsync(cancellationToken);
        var rateLimits = await db.RateLimits.AsNoTracking().OrderBy(l => l.Name).ToListAsync(cancellationToken);
        return new ConfigDocument
        {
            AccessLists = accessLists.Select(SpecMapper.ToSpec).ToArray(),
            RateLimits = rateLimits.Select(SpecMapper.ToSpec).ToArray(),
            Pools = pools.Select(SpecMapper.ToSpec).ToArray(),
            Routes = routes.Select(r => SpecMapper.ToSpec(r, poolNames)).ToArray(),
            CacheRules = cacheRules.Select(SpecMapper.ToSpec).ToArray(),
        };
    }
}
