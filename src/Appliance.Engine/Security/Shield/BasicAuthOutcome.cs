namespace Appliance.Engine.Security.Shield;

/// <summary>What basic authentication made of a request.</summary>
internal enum BasicAuthOutcome
{
    /// <summary>A user of the list with the right password.</summary>
    Authorized,

    /// <summary>No credentials, or wrong ones: 401 with a challenge.</summary>
    Refused,

    /// <summary>The client address guessed too often: 429 until the block ends.</summary>
    Throttled,

    /// <summary>Every verification slot stayed taken: 503, try again shortly.</summary>
    Busy,
}
