namespace Appliance.Engine.Security.TurnedAway;

/// <summary>
/// What the "Under attack" card and <c>GET /api/v1/security/under-attack</c> show, for this node.
/// </summary>
/// <param name="WindowSeconds">The seconds <paramref name="TurnedAwayPerSecond"/> averages over.</param>
/// <param name="TurnedAwayPerSecond">Refusals per second by reason (every reason, zeros included).</param>
/// <param name="TurnedAwayLastMinute">Refusals in the last minute, all reasons: none means calm.</param>
/// <param name="Series">The last minute, second by second, oldest first.</param>
/// <param name="TopWindowSeconds">How far back the top lists may reach.</param>
/// <param name="TopAddresses">The addresses turned away most (an IPv6 one as its /64, as bans name it).</param>
/// <param name="TopCountries">The countries of the addresses tracked, summed; empty without a country database.</param>
/// <param name="Bans">Bans in force.</param>
/// <param name="UnderAttack">Whether the challenge is on everywhere (false until the challenge exists).</param>
public sealed record UnderAttackReport(
    int WindowSeconds,
    IReadOnlyDictionary<string, double> TurnedAwayPerSecond,
    long TurnedAwayLastMinute,
    IReadOnlyList<TurnedAwaySecond> Series,
    int TopWindowSeconds,
    IReadOnlyList<TurnedAwayOffender> TopAddresses,
    IReadOnlyList<TurnedAwayCountry> TopCountries,
    UnderAttackBans Bans,
    bool UnderAttack);
