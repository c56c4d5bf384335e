namespace Appliance.Engine.Tls;

/// <summary>Settings of the data plane's TLS handshakes, bound from <c>Appliance:Tls</c> and checked at start.</summary>
public sealed class TlsOptions
{
    public const string SectionName = "Appliance:Tls";

    /// <summary>
    /// Lets returning TLS 1.3 clients resume their session with a ticket instead of a full handshake,
    /// and lets every TLS 1.3 handshake use one OpenSSL context per certificate instead of building a
    /// new one. On Linux .NET keeps that context (with its session cache and ticket keys) only when no
    /// cipher suite policy is set, and our AEAD-only list is such a policy. TLS 1.3's suites are all
    /// AEAD, so a client that offers TLS 1.3 is answered with TLS 1.3 alone and no policy; a client
    /// that offers only TLS 1.2 keeps <see cref="TlsHandshakePolicy.CipherSuites"/> exactly, without
    /// resumption (<see cref="Tls12SessionResumption"/>). Off, every handshake is a full one with a
    /// new context.
    /// </summary>
    public bool SessionResumption { get; set; } = true;

    /// <summary>
    /// Lets TLS 1.2 clients resume too (the session cache and tickets), at a price: without a policy
    /// the TLS 1.2 suites are .NET's ECDHE list (AES-GCM first, then AES-CBC with SHA-256/384, no
    /// ChaCha20) rather than AEAD only. Needs <see cref="SessionResumption"/>.
    /// </summary>
    public bool Tls12SessionResumption { get; set; }
}
