namespace Appliance.Engine.Tls;

/// <summary>Settings of the data plane's TLS handshakes, bound from <c>Appliance:Tls</c> and checked at start.</summary>
public sealed class TlsOptions
{
    public const string SectionName = "Appliance:Tls";

    /// <summary>
    /// Lets returning clients resume their session (TLS 1.3 tickets, the TLS 1.2 session cache)
    /// instead of a full handshake. On Linux .NET keeps one OpenSSL context per certificate, with
    /// its session cache and ticket keys, only when no cipher suite policy is set; our own AEAD-only
    /// list is such a policy, so with it every handshake builds a new OpenSSL context and none can
    /// be resumed. On, the TLS 1.2 suites are OpenSSL's (.NET's ECDHE list when openssl.cnf sets
    /// none: the AES-GCM suites first, then ECDHE AES-CBC with SHA-256/384; no ChaCha20 for TLS 1.2);
    /// TLS 1.3 is unchanged. Off keeps <see cref="TlsHandshakePolicy.CipherSuites"/> exactly.
    /// </summary>
    public bool SessionResumption { get; set; }
}
