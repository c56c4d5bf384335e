namespace Appliance.Data.Store;

/// <summary>
/// Tells the engine in this process that the configuration changed, so that it need not wait for
/// its next poll of the revision row.
/// </summary>
public sealed class ConfigChangeSignal : WakeSignal;
