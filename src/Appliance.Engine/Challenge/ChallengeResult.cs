namespace Appliance.Engine.Challenge;

/// <summary>What became of a challenge, as <c>appliance_challenge_total</c> labels it.</summary>
internal enum ChallengeResult
{
    /// <summary>A page with a fresh challenge was served.</summary>
    Issued,

    /// <summary>A proof was right and a clearance cookie set.</summary>
    Passed,

    /// <summary>A proof was wrong, late, for another address or not sealed by us.</summary>
    Failed,

    /// <summary>A proof for a challenge already solved once.</summary>
    Replayed,

    /// <summary>A client in an allowed address range went through without a proof.</summary>
    Allowed,

    /// <summary>A crawler that DNS confirmed went through without a proof.</summary>
    Crawler,

    /// <summary>A client claimed a verified crawler's User-Agent and DNS did not confirm it: it got the page.</summary>
    Impostor,

    /// <summary>A page (counted as issued too) waited before it was sent: its client kept asking (<see cref="ChallengePacer"/>).</summary>
    Delayed,
}
