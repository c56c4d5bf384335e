using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.ChallengeSettings;

/// <summary>The installation-wide challenge settings: the under-attack switch and who never gets the challenge.</summary>
internal sealed class ChallengeSettingsKind : SettingsKind<ChallengeSettingsSpec>
{
    public override string Member => "challenge";

    public override string Noun => "challenge settings";

    public override IReadOnlyList<IConfigValidator<ChallengeSettingsSpec>> Validators { get; } =
    [
        new ChallengeAllowValidator(),
        new VerifiedCrawlersValidator(),
    ];

    public override ChallengeSettingsSpec? Get(ConfigDocument document) => document.Challenge;

    public override ConfigDocument With(ConfigDocument document, ChallengeSettingsSpec spec) => document with { Challenge = spec };

    public override ChallengeSettingsSpec Normalize(ChallengeSettingsSpec spec) => spec with
    {
        Allow = spec.Allow?.Select(a => a?.Trim() ?? "").ToArray() ?? [],
        Crawlers = spec.Crawlers?.Select(c => c is null ? null! : c with
        {
            Name = c.Name?.Trim() ?? "",
            UserAgent = c.UserAgent?.Trim() ?? "",
            // A trailing dot is DNS's spelling of the root; reverse names are compared without it.
            Domains = c.Domains?.Select(d => d?.Trim().TrimEnd('.').ToLowerInvariant() ?? "").ToArray() ?? [],
        }).ToArray() ?? [],
    };
}
