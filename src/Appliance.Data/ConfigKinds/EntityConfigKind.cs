using Appliance.Data.Entities;
using Appliance.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.ConfigKinds;

/// <summary>A kind of configuration object kept as one row (with its children) per object, found by name.</summary>
internal abstract class EntityConfigKind<TSpec, TEntity> : ConfigKind<TSpec>
    where TSpec : class
    where TEntity : class, INamedEntity, new()
{
    public abstract IConfigMapper<TSpec, TEntity> Mapper { get; }

    /// <summary>The kind's rows with whatever they own (a pool's backends), as <see cref="IConfigMapper{TSpec, TEntity}.ToSpec"/> needs them.</summary>
    protected virtual IQueryable<TEntity> Query(ApplianceDbContext db) => db.Set<TEntity>();

    public override async Task<IReadOnlyList<TSpec>> ReadAsync(ApplianceDbContext db, bool tracked, string? name, CancellationToken cancellationToken)
    {
        var query = tracked ? Query(db) : Query(db).AsNoTracking();
        if (name is not null)
        {
            query = query.Where(e => e.Name == name);
        }

        var entities = await query.OrderBy(e => e.Name).ToListAsync(cancellationToken);
        return entities.Select(Mapper.ToSpec).ToArray();
    }

    // Only what changed is written: the write path builds the new document from the one it read and
    // replaces only the objects it changes, so a spec that is the very instance that was read needs
    // no update. An import replaces every instance, and so rewrites every row in place.
    public override void WriteRows(ApplianceDbContext db, ConfigDocument before, ConfigDocument after)
    {
        var stored = Get(before) ?? [];
        var wanted = Get(after) ?? [];
        if (ReferenceEquals(stored, wanted))
        {
            return;
        }

        var set = db.Set<TEntity>();
        var rows = set.Local.ToDictionary(e => e.Name, StringComparer.Ordinal);
        var unchanged = new HashSet<TSpec>(stored, ReferenceEqualityComparer.Instance);
        foreach (var spec in wanted.Where(s => !unchanged.Contains(s)))
        {
            if (!rows.TryGetValue(NameOf(spec), out var entity))
            {
                entity = new TEntity();
                set.Add(entity);
            }

            Mapper.Apply(spec, entity, db);
        }
    }

    public override void RemoveRows(ApplianceDbContext db, ConfigDocument before, ConfigDocument after)
    {
        if (ReferenceEquals(Get(before), Get(after)))
        {
            return;
        }

        var wanted = (Get(after) ?? []).Select(NameOf).ToHashSet(StringComparer.Ordinal);
        var set = db.Set<TEntity>();
        foreach (var entity in set.Local.Where(e => !wanted.Contains(e.Name)).ToArray())
        {
            set.Remove(entity);
        }
    }
}
