using Appliance.Data.Backup;

namespace Appliance.Web.Components.Pages.Settings.Backup;

/// <summary>
/// A rough hint of how hard a passphrase is to guess, from its length and the kinds of characters it
/// uses. It only advises: the store's rule is the length, and the KDF's cost does the rest.
/// </summary>
public static class PassphraseStrength
{
    public static string Describe(string? passphrase)
    {
        var text = passphrase ?? "";
        if (text.Length < BackupPassphrase.MinLength)
        {
            return $"At least {BackupPassphrase.MinLength} characters ({text.Length} so far).";
        }

        var pool = (text.Any(char.IsLower) ? 26 : 0) + (text.Any(char.IsUpper) ? 26 : 0) + (text.Any(char.IsDigit) ? 10 : 0)
            + (text.Any(c => !char.IsLetterOrDigit(c)) ? 33 : 0);
        // Repeated characters add little: count the distinct ones, and never more than the length.
        var bits = Math.Min(text.Length, text.Distinct().Count() * 2) * Math.Log2(Math.Max(pool, 2));
        return bits switch
        {
            < 60 => "Weak: add words or characters of other kinds.",
            < 90 => "Fair: a few more words make it strong.",
            _ => "Strong.",
        };
    }
}
