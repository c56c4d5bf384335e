using Appliance.Data.Store;

namespace Appliance.Data.Certificates;

/// <summary>Wakes the ACME worker when a certificate is requested, a renewal is asked for, or the configuration changed.</summary>
public sealed class AcmeWorkSignal : WakeSignal;
