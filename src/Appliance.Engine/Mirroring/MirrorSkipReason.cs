namespace Appliance.Engine.Mirroring;

/// <summary>Why a request drawn for mirroring got no copy, though a slot was free.</summary>
public enum MirrorSkipReason
{
    /// <summary>Its body outgrew <see cref="MirrorOptions.MaxBodyBytes"/>, declared or while streaming.</summary>
    BodyTooLarge,

    /// <summary>The primary did not read its whole body (it answered early, or the client went away): a copy would be cut short.</summary>
    BodyIncomplete,

    /// <summary>A WebSocket or other upgrade: a connection, not a request, to copy.</summary>
    Upgrade,
}
