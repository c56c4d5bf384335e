using System.Text.Json.Serialization;

namespace Appliance.Data.Model;

/// <summary>
/// A webhook: every notification is a JSON POST to <see cref="Url"/>. With a secret, the body is
/// signed with HMAC-SHA256 in <c>X-Appliance-Signature</c>. The secret is write-only: answers,
/// exports and the audit trail say only whether one is set (<see cref="HasSecret"/>).
/// </summary>
public sealed record WebhookChannelSpec
{
    /// <summary>An absolute http(s) URL.</summary>
    public string Url { get; init; } = "";

    /// <summary>A new signing secret (16 to 256 characters); null keeps the stored one, "" removes it.</summary>
    public string? Secret { get; init; }

    /// <summary>Whether a secret is stored (read-only: it follows <see cref="Secret"/>).</summary>
    public bool HasSecret { get; init; }

    /// <summary>The stored secret, encrypted with the key ring; in process only, never serialized.</summary>
    [JsonIgnore]
    public string? ProtectedSecret { get; init; }

    /// <summary>
    /// The new value encrypted by the store before it takes its write lock
    /// (the alert channel kind's <c>SealSecrets</c>); in process only, and set nowhere else.
    /// </summary>
    [JsonIgnore]
    internal string? NewProtectedSecret { get; init; }
}
