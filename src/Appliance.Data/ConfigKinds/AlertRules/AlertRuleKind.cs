using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.AlertRules;

/// <summary>Alert rules: which events go to which channels, and how repeats are grouped.</summary>
internal sealed class AlertRuleKind : EntityConfigKind<AlertRuleSpec, AlertRuleEntity>
{
    public override string Member => "alertRules";

    public override string EntityType => "alert-rule";

    public override string Noun => "alert rule";

    public override string ShortNoun => "rule";

    public override IReadOnlyList<IConfigValidator<AlertRuleSpec>> Validators { get; } = [new AlertRuleValidator()];

    public override IConfigMapper<AlertRuleSpec, AlertRuleEntity> Mapper { get; } = new AlertRuleMapper();

    public override IReadOnlyList<AlertRuleSpec>? Get(ConfigDocument document) => document.AlertRules;

    public override ConfigDocument With(ConfigDocument document, IReadOnlyList<AlertRuleSpec> items) => document with { AlertRules = items };

    public override string NameOf(AlertRuleSpec spec) => spec.Name;

    public override AlertRuleSpec WithName(AlertRuleSpec spec, string name) => spec with { Name = name };

    public override AlertRuleSpec Normalize(AlertRuleSpec spec) => ConfigNormalizer.Normalize(spec);
}
