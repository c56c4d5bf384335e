namespace Appliance.Engine.Security.Shield;

/// <summary>
/// What <see cref="BasicAuthVerifier"/> made of a request for one list: the outcome, how long to
/// wait when throttled or busy, and when authorized the user and the hash the password matched,
/// so that another list holding that same user and hash needs no second check.
/// </summary>
internal readonly record struct BasicAuthResult(BasicAuthOutcome Outcome, TimeSpan RetryAfter, string? User = null, string? Hash = null)
{
    public static BasicAuthResult Refused => new(BasicAuthOutcome.Refused, TimeSpan.Zero);

    public static BasicAuthResult Throttled(TimeSpan retryAfter) => new(BasicAuthOutcome.Throttled, retryAfter);

    public static BasicAuthResult Busy(TimeSpan retryAfter) => new(BasicAuthOutcome.Busy, retryAfter);

    public static BasicAuthResult Authorized(string user, string hash) => new(BasicAuthOutcome.Authorized, TimeSpan.Zero, user, hash);

    /// <summary>Whether <paramref name="list"/> holds the user this result authorized, with the same hash.</summary>
    public bool Covers(CompiledAccessList list) =>
        Outcome == BasicAuthOutcome.Authorized && User is not null && list.Users.TryGetValue(User, out var hash) && string.Equals(hash, Hash, StringComparison.Ordinal);
}
