using System.Text.Json.Serialization;

namespace Appliance.Data.Model;

/// <summary>
/// A user of an access list's basic authentication. The password is write-only: answers and
/// exports never carry it, and a list saved without one keeps the user's stored hash.
/// </summary>
public sealed record BasicAuthUserSpec
{
    public string User { get; init; } = "";

    /// <summary>A new password (12 to 128 characters); null keeps the stored one.</summary>
    public string? Password { get; init; }

    /// <summary>The stored hash, in process only: never serialized, so no answer, export or audit entry shows it.</summary>
    [JsonIgnore]
    public string? PasswordHash { get; init; }

    /// <summary>
    /// The hash of <see cref="Password"/>, made by the store before it takes its write lock
    /// (<see cref="Passwords.BasicAuthPasswords.HashNew"/>); in process only, and set nowhere else.
    /// </summary>
    [JsonIgnore]
    internal string? NewPasswordHash { get; init; }
}
