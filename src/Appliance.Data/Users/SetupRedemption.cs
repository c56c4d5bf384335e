using Appliance.Data.Store;

namespace Appliance.Data.Users;

/// <summary>The outcome of using the setup code, with the store's answer when a user was attempted.</summary>
public sealed record SetupRedemption(SetupRedemptionOutcome Outcome, StoreResult<UserInfo>? User);
