using Appliance.Data.Entities;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.RateLimits;

/// <summary>Rate limits: per-client-address token buckets and concurrency caps, global or named by routes.</summary>
internal sealed class RateLimitKind : EntityConfigKind<RateLimitSpec, RateLimitEntity>
{
    public override string Member => "rateLimits";

    public override string EntityType => "rate-limit";

    public override string Noun => "rate limit";

    public override IReadOnlyList<IConfigValidator<RateLimitSpec>> Validators { get; } = [new RateLimitValidator()];

    public override IConfigMapper<RateLimitSpec, RateLimitEntity> Mapper { get; } = new RateLimitMapper();

    public override IReadOnlyList<RateLimitSpec>? Get(ConfigDocument document) => document.RateLimits;

    public override ConfigDocument With(ConfigDocument document, IReadOnlyList<RateLimitSpec> items) => document with { RateLimits = items };

    public override string NameOf(RateLimitSpec spec) => spec.Name;

    public override RateLimitSpec WithName(RateLimitSpec spec, string name) => spec with { Name = name };

    public override RateLimitSpec Normalize(RateLimitSpec spec) => ConfigNormalizer.Normalize(spec);

    public override string? ReferencedBy(ConfigDocument document, string name)
    {
        var routes = document.Routes.Where(r => r.RateLimit == name).Select(r => r.Name).ToArray();
        return routes.Length == 0 ? null : $"Rate limit '{name}' is used by route {Quoted(routes)}.";
    }
}
