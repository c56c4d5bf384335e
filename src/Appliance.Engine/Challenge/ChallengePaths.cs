namespace Appliance.Engine.Challenge;

/// <summary>The names the challenge answers under, on every host of the data plane.</summary>
internal static class ChallengePaths
{
    /// <summary>
    /// Where the page posts its proof. It is answered ahead of routing, on the canonical path (so
    /// <c>//.within/…</c>, <c>%2F</c> and <c>;</c> spellings land here too), for any host: no route
    /// can take it, as no route can take ACME's <c>/.well-known/acme-challenge/</c>.
    /// </summary>
    public const string Answer = "/.within/appliance/challenge";

    /// <summary>The clearance cookie: address and expiry, sealed with the key ring.</summary>
    public const string ClearanceCookie = "appliance_clearance";
}
