namespace Appliance.Engine.Mirroring;

/// <summary>The header that marks a copy, so that a shadow service can tell copies from real traffic.</summary>
public static class MirrorHeaders
{
    /// <summary>Sent with the value <see cref="MarkerValue"/> on every copy, and removed from every request a client sends through the appliance.</summary>
    public const string Marker = "X-Appliance-Mirror";

    public const string MarkerValue = "1";
}
