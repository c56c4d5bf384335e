namespace Appliance.Engine.Security.TurnedAway;

/// <summary>Why the edge turned a connection or a request away, as the "Under attack" card and <c>/metrics</c> name it.</summary>
public enum TurnedAwayReason
{
    /// <summary>The client is banned: closed at accept, or refused per request (keep-alive, behind a trusted proxy).</summary>
    Banned,

    /// <summary>An access list denied it (403 or a closed connection), a global Drop list at accept included.</summary>
    AccessList,

    /// <summary>An access list's country rule denied it.</summary>
    Country,

    /// <summary>A rate limit had no token left (429).</summary>
    RateLimit,

    /// <summary>A rate limit's in-flight cap was full (429).</summary>
    Concurrency,

    /// <summary>Basic authentication failed, was throttled after wrong guesses, or every password check was busy.</summary>
    BasicAuth,

    /// <summary>The declared body was over the route's limit (413).</summary>
    BodySize,

    /// <summary>The pool's cap and queue were full, or the wait timed out (503).</summary>
    Overload,

    /// <summary>Reserved for the proof-of-work challenge: a client given the challenge page instead of the backend.</summary>
    Challenge,
}
