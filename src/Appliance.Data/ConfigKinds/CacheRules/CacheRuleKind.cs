using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.CacheRules;

/// <summary>Cache rules: which responses the shared cache may keep, for one route (by name) or for all.</summary>
internal sealed class CacheRuleKind : EntityConfigKind<CacheRuleSpec, CacheRuleEntity>
{
    public override string Member => "cacheRules";

    public override string EntityType => "cache-rule";

    public override string Noun => "cache rule";

    public override string ShortNoun => "rule";

    public override IReadOnlyList<IConfigValidator<CacheRuleSpec>> Validators { get; } = [new CacheRuleValidator()];

    public override IConfigMapper<CacheRuleSpec, CacheRuleEntity> Mapper { get; } = new CacheRuleMapper();

    public override IReadOnlyList<CacheRuleSpec>? Get(ConfigDocument document) => document.CacheRules;

    public override ConfigDocument With(ConfigDocument document, IReadOnlyList<CacheRuleSpec> items) => document with { CacheRules = items };

    public override string NameOf(CacheRuleSpec spec) => spec.Name;

    public override CacheRuleSpec WithName(CacheRuleSpec spec, string name) => spec with { Name = name };

    public override CacheRuleSpec Normalize(CacheRuleSpec spec) => ConfigNormalizer.Normalize(spec);
}
