using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.BanRules;

/// <summary>Automatic ban rules: which answers count against a client address, and how many ban it.</summary>
internal sealed class BanRuleKind : EntityConfigKind<BanRuleSpec, BanRuleEntity>
{
    public override string Member => "banRules";

    public override string EntityType => "ban-rule";

    public override string Noun => "ban rule";

    public override string ShortNoun => "rule";

    public override IReadOnlyList<IConfigValidator<BanRuleSpec>> Validators { get; } = [new BanRuleValidator()];

    public override IConfigMapper<BanRuleSpec, BanRuleEntity> Mapper { get; } = new BanRuleMapper();

    public override IReadOnlyList<BanRuleSpec>? Get(ConfigDocument document) => document.BanRules;

    public override ConfigDocument With(ConfigDocument document, IReadOnlyList<BanRuleSpec> items) => document with { BanRules = items };

    public override string NameOf(BanRuleSpec spec) => spec.Name;

    public override BanRuleSpec WithName(BanRuleSpec spec, string name) => spec with { Name = name };

    public override BanRuleSpec Normalize(BanRuleSpec spec) => ConfigNormalizer.Normalize(spec);
}
