namespace Appliance.Engine.Mirroring;

/// <summary>Why a copy got no answer from the shadow.</summary>
public enum MirrorFailure
{
    /// <summary>The shadow pool had no backend in rotation (or no longer exists).</summary>
    NoBackend,

    /// <summary>Connection refused or reset, TLS or protocol failure.</summary>
    Transport,

    /// <summary>No whole answer within <see cref="MirrorOptions.TimeoutSeconds"/>.</summary>
    Timeout,
}
