namespace Appliance.Data.Entities;

// The answer to one ACME challenge, kept where every node reads it, so the CA may validate on
// whichever node its request reaches. Type is http-01 (Key: the token, Value: the key
// authorization) or tls-alpn-01 (Key: the host name, Value: the validation certificate, protected).
internal sealed class AcmeChallengeEntity
{
    public string Type { get; set; } = "";

    public string Key { get; set; } = "";

    public string Value { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }
}
