namespace Appliance.Engine.Mirroring;

/// <summary>How much of a client's request body a copy holds.</summary>
internal enum MirrorBodyState
{
    /// <summary>The primary is still reading it (or never read it all): a copy would be cut short.</summary>
    Partial,

    /// <summary>The whole body, up to its end.</summary>
    Complete,

    /// <summary>It outgrew <see cref="MirrorOptions.MaxBodyBytes"/>; what was held has been let go.</summary>
    TooLarge,
}
