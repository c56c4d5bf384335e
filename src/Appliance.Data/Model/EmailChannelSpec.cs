using System.Text.Json.Serialization;

namespace Appliance.Data.Model;

/// <summary>
/// An e-mail channel: notifications are sent through an SMTP server with MailKit. The password is
/// write-only: answers, exports and the audit trail say only whether one is set
/// (<see cref="HasPassword"/>).
/// </summary>
public sealed record EmailChannelSpec
{
    /// <summary>The SMTP server's host name or address.</summary>
    public string Host { get; init; } = "";

    public int Port { get; init; } = 587;

    /// <summary><see cref="EmailSecurity.StartTls"/> (default) or <see cref="EmailSecurity.None"/>.</summary>
    public string Security { get; init; } = EmailSecurity.StartTls;

    /// <summary>The user to sign in as; null or empty sends without signing in.</summary>
    public string? UserName { get; init; }

    /// <summary>A new password; null keeps the stored one, "" removes it.</summary>
    public string? Password { get; init; }

    /// <summary>Whether a password is stored (read-only: it follows <see cref="Password"/>).</summary>
    public bool HasPassword { get; init; }

    /// <summary>The stored password, encrypted with the key ring; in process only, never serialized.</summary>
    [JsonIgnore]
    public string? ProtectedPassword { get; init; }

    /// <summary>
    /// The new value encrypted by the store before it takes its write lock
    /// (the alert channel kind's <c>SealSecrets</c>); in process only, and set nowhere else.
    /// </summary>
    [JsonIgnore]
    internal string? NewProtectedPassword { get; init; }

    /// <summary>The sender's address: <c>appliance@example.com</c> or <c>Appliance &lt;appliance@example.com&gt;</c>.</summary>
    public string From { get; init; } = "";

    /// <summary>One to twenty recipients.</summary>
    public IReadOnlyList<string> To { get; init; } = [];
}
