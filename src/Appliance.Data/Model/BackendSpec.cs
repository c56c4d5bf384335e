namespace Appliance.Data.Model;

/// <summary>One backend server of a pool.</summary>
public sealed record BackendSpec
{
    /// <summary>Absolute http or https URL of the backend, e.g. <c>http://10.0.0.5:8080</c>.</summary>
    public string Address { get; init; } = "";

    /// <summary>Relative share for weighted policies, 1 to 100.</summary>
    public int Weight { get; init; } = 1;

    /// <summary>False drains the backend: no new requests, in-flight ones finish.</summary>
    public bool Enabled { get; init; } = true;
}
