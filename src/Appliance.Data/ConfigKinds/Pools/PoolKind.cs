using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Validation;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.ConfigKinds.Pools;

/// <summary>Pools of backends. Routes refer to them by name in their targets.</summary>
internal sealed class PoolKind : EntityConfigKind<PoolSpec, PoolEntity>
{
    public override string Member => "pools";

    public override string EntityType => "pool";

    public override string Noun => "pool";

    public override string MissingListMessage => "Pools are required (an empty list is allowed).";

    public override IReadOnlyList<IConfigValidator<PoolSpec>> Validators { get; } =
        [new PoolValidator(), new HealthCheckValidator(), new BackendsValidator(), new PoolLimitsValidator()];

    public override IConfigMapper<PoolSpec, PoolEntity> Mapper { get; } = new PoolMapper();

    public override IReadOnlyList<PoolSpec>? Get(ConfigDocument document) => document.Pools;

    public override ConfigDocument With(ConfigDocument document, IReadOnlyList<PoolSpec> items) => document with { Pools = items };

    public override string NameOf(PoolSpec spec) => spec.Name;

    public override PoolSpec WithName(PoolSpec spec, string name) => spec with { Name = name };

    public override PoolSpec Normalize(PoolSpec spec) => ConfigNormalizer.Normalize(spec);

    public override string? ReferencedBy(ConfigDocument document, string name)
    {
        var routes = document.Routes.Where(r => r.Targets.Any(t => t.Pool == name)).Select(r => r.Name).ToArray();
        if (routes.Length > 0)
        {
            return $"Pool '{name}' is a target of {(routes.Length == 1 ? "route" : "routes")} {Quoted(routes)}; remove it from their targets first.";
        }

        var mirrors = document.Routes.Where(r => r.Mirror?.Pool == name).Select(r => r.Name).ToArray();
        if (mirrors.Length > 0)
        {
            return $"Pool '{name}' is the mirror of {(mirrors.Length == 1 ? "route" : "routes")} {Quoted(mirrors)}; stop their mirroring first.";
        }

        var streams = document.Streams.Where(s => s.Pool == name).Select(s => s.Name).ToArray();
        return streams.Length == 0
            ? null
            : $"Pool '{name}' is the pool of {(streams.Length == 1 ? "stream" : "streams")} {Quoted(streams)}; give them another pool or delete them first.";
    }

    protected override IQueryable<PoolEntity> Query(ApplianceDbContext db) => db.Pools.Include(p => p.Backends);
}
