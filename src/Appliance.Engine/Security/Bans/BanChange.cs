using Appliance.Data.Bans;

namespace Appliance.Engine.Security.Bans;

/// <summary>A change to the bans this node made that Redis has not taken yet: a ban (replacing or not), or with no ban, an unban.</summary>
internal sealed record BanChange(BanKey Key, SharedBan? Ban, bool Replace);
