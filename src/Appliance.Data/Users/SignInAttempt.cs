namespace Appliance.Data.Users;

/// <summary>
/// One sign-in attempt as the <see cref="SignInThrottle"/> counts it: whether its password may be
/// checked, under which user name and address key it counts.
/// </summary>
public readonly record struct SignInAttempt(bool Allowed, string UserName, string Address);
