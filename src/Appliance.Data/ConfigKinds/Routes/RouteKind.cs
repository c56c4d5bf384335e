using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Validation;
using Microsoft.EntityFrameworkCore;

namespace Appliance.Data.ConfigKinds.Routes;

/// <summary>Routes: which requests go to which pools, and with what policies (access list, rate limit, certificate).</summary>
internal sealed class RouteKind : EntityConfigKind<RouteSpec, RouteEntity>
{
    public override string Member => "routes";

    public override string EntityType => "route";

    public override string Noun => "route";

    public override string MissingListMessage => "Routes are required (an empty list is allowed).";

    public override IReadOnlyList<IConfigValidator<RouteSpec>> Validators { get; } =
    [
        new RouteMatchValidator(),
        new RouteConditionsValidator(),
        new RouteTargetsValidator(),
        new RouteRedirectValidator(),
        new RouteMirrorValidator(),
        new RouteTlsValidator(),
        new RouteHardeningValidator(),
        new RouteHeaderRulesValidator(),
        new RouteMaintenanceValidator(),
        new RouteChallengeValidator(),
        new RouteReferencesValidator(),
    ];

    public override IConfigMapper<RouteSpec, RouteEntity> Mapper { get; } = new RouteMapper();

    public override IReadOnlyList<RouteSpec>? Get(ConfigDocument document) => document.Routes;

    public override ConfigDocument With(ConfigDocument document, IReadOnlyList<RouteSpec> items) => document with { Routes = items };

    public override string NameOf(RouteSpec spec) => spec.Name;

    public override RouteSpec WithName(RouteSpec spec, string name) => spec with { Name = name };

    public override RouteSpec Normalize(RouteSpec spec) => ConfigNormalizer.Normalize(spec);

    public override string? ReferencedBy(ConfigDocument document, string name)
    {
        var rules = document.CacheRules.Where(r => r.Route == name).Select(r => r.Name).ToArray();
        var pages = document.ErrorPages.Where(p => p.Route == name).Select(p => p.Name).ToArray();
        var owned = new[]
        {
            rules.Length == 0 ? null : $"cache {(rules.Length == 1 ? "rule" : "rules")} {Quoted(rules)}",
            pages.Length == 0 ? null : $"error {(pages.Length == 1 ? "page" : "pages")} {Quoted(pages)}",
        }.OfType<string>().ToArray();
        return owned.Length == 0
            ? null
            : $"Route '{name}' has {string.Join(" and ", owned)}; delete them first.";
    }

    // The targets' pools come along so that a target can name its pool.
    protected override IQueryable<RouteEntity> Query(ApplianceDbContext db) => db.Routes.Include(r => r.Targets).ThenInclude(t => t.Pool);
}
