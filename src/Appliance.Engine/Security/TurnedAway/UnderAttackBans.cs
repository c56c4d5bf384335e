using Appliance.Data.Bans;

namespace Appliance.Engine.Security.TurnedAway;

/// <summary>The bans in force: how many, and the newest few.</summary>
public sealed record UnderAttackBans(int Active, IReadOnlyList<SharedBan> Recent);
