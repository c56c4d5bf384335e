namespace Appliance.Data.ConfigKinds;

/// <summary>Turns one kind's rows into specs and back. Entities never leave Appliance.Data: everything outside sees specs.</summary>
internal interface IConfigMapper<TSpec, in TEntity>
{
    TSpec ToSpec(TEntity entity);

    /// <summary>
    /// Writes <paramref name="spec"/> into <paramref name="entity"/>; <paramref name="db"/> holds the
    /// rows of the whole configuration, for the kinds whose rows point at other rows (a route's targets).
    /// </summary>
    void Apply(TSpec spec, TEntity entity, ApplianceDbContext db);
}
