namespace Appliance.Data.Model;

/// <summary>Where a certificate comes from.</summary>
public enum CertificateSource
{
    /// <summary>An operator uploaded it; the appliance never renews it.</summary>
    Uploaded,

    /// <summary>The appliance requests and renews it from the ACME server.</summary>
    Acme,
}
