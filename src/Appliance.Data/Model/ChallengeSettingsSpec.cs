namespace Appliance.Data.Model;

/// <summary>
/// The installation-wide side of the proof-of-work challenge: the "under attack" switch that turns
/// it on for every route whose mode is <see cref="ChallengeModes.UnderAttack"/>, and the clients
/// that never get it (address ranges, and search engines' crawlers proven by DNS).
/// </summary>
public sealed record ChallengeSettingsSpec
{
    /// <summary>While on, every route with mode UnderAttack (the default) challenges clients without a clearance.</summary>
    public bool UnderAttack { get; init; }

    /// <summary>Addresses or CIDR ranges that pass every challenge: the office, monitoring, partners.</summary>
    public IReadOnlyList<string> Allow { get; init; } = [];

    /// <summary>
    /// Crawlers that pass every challenge once DNS proves who they are: their address's reverse name
    /// ends in one of their domains and that name's forward addresses include the address. A
    /// document without the member keeps the well-known search engines; an empty list verifies none.
    /// </summary>
    public IReadOnlyList<VerifiedCrawlerSpec> Crawlers { get; init; } = VerifiedCrawlerSpec.WellKnown;
}
