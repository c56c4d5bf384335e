using Appliance.Data.Validation;

namespace Appliance.Data.Backup;

/// <summary>The rule a passphrase meets before anything is encrypted or decrypted with it.</summary>
public static class BackupPassphrase
{
    public const int MinLength = 12;

    // PBKDF2 hashes every byte of it; a limit keeps a request from making that arbitrarily long.
    public const int MaxLength = 1024;

    public const string Field = "passphrase";

    public static void Validate(string? passphrase, ValidationErrors errors)
    {
        if (passphrase is null || passphrase.Length < MinLength || passphrase.Length > MaxLength)
        {
            errors.Add(Field, $"A passphrase of {MinLength} to {MaxLength} characters is required.");
        }
    }
}
