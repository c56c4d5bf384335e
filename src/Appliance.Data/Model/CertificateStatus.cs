namespace Appliance.Data.Model;

/// <summary>Whether a certificate can be served.</summary>
public enum CertificateStatus
{
    /// <summary>Served: within its validity period.</summary>
    Valid,

    /// <summary>Requested from the ACME server and not issued yet.</summary>
    Pending,

    /// <summary>The last ACME attempt failed (see the last error); a previously issued certificate is still served while it is valid.</summary>
    Failed,

    /// <summary>Past its expiry: no longer served.</summary>
    Expired,
}
