namespace Appliance.Data.Counters;

/// <summary>Redis' answer to taking a token from a shared bucket: taken, or how long until one is there.</summary>
public readonly record struct TokenTake(bool Taken, TimeSpan RetryAfter);
