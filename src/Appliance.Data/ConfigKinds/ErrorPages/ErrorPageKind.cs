using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.ErrorPages;

/// <summary>Custom error pages: the appliance's own page for one status, for one route (by name) or for all.</summary>
internal sealed class ErrorPageKind : EntityConfigKind<ErrorPageSpec, ErrorPageEntity>
{
    public override string Member => "errorPages";

    public override string EntityType => "error-page";

    public override string Noun => "error page";

    public override string ShortNoun => "page";

    public override IReadOnlyList<IConfigValidator<ErrorPageSpec>> Validators { get; } = [new ErrorPageValidator()];

    public override IConfigMapper<ErrorPageSpec, ErrorPageEntity> Mapper { get; } = new ErrorPageMapper();

    public override IReadOnlyList<ErrorPageSpec>? Get(ConfigDocument document) => document.ErrorPages;

    public override ConfigDocument With(ConfigDocument document, IReadOnlyList<ErrorPageSpec> items) => document with { ErrorPages = items };

    public override string NameOf(ErrorPageSpec spec) => spec.Name;

    public override ErrorPageSpec WithName(ErrorPageSpec spec, string name) => spec with { Name = name };

    public override ErrorPageSpec Normalize(ErrorPageSpec spec) => ConfigNormalizer.Normalize(spec);

    // One page per status and route (or globally): the data plane must never have to choose between two.
    protected override void ValidateAmong(ErrorPageSpec spec, IReadOnlyList<ErrorPageSpec> items, int index, ValidationErrors errors)
    {
        var others = items
            .Where((other, i) => i != index && other is not null && other.Status == spec.Status && other.Route == spec.Route)
            .Select(other => other.Name)
            .ToArray();
        if (others.Length > 0)
        {
            var owner = spec.Route is null ? "There already is a global" : $"Route '{spec.Route}' already has a";
            errors.Add("status", $"{owner} {spec.Status} page: {Quoted(others)}. Edit that one, or delete it first.");
        }
    }
}
