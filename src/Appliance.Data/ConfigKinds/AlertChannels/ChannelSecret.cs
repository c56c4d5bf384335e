using Appliance.Data.Secrets;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.AlertChannels;

/// <summary>
/// The one rule for a channel's write-only secret (a webhook's signing secret, an SMTP password):
/// a value given is encrypted before the write lock and replaces the stored one, "" removes it,
/// and leaving it out keeps what is stored. An exported channel says it had a secret but not what
/// it was, so an import elsewhere must give it again rather than silently go without.
/// </summary>
internal static class ChannelSecret
{
    /// <summary>The encrypted form of a new secret, or null when none was given (or it will be refused).</summary>
    public static string? Seal(string? given, int minLength, int maxLength, ConfigSecretProtector protector) =>
        given is { Length: > 0 } && given.Length >= minLength && given.Length <= maxLength ? protector.Protect(given) : null;

    /// <summary>
    /// The encrypted secret to store: the new one, the stored one, or none. Messages go to
    /// <paramref name="field"/> (<c>webhook.secret</c>) in <paramref name="errors"/>.
    /// </summary>
    public static string? Resolve(
        string? given, string? sealedNew, bool saysItHasOne, string? stored, string field, string hasField, int minLength, int maxLength, ValidationErrors errors)
    {
        if (given is null)
        {
            if (stored is null && saysItHasOne)
            {
                errors.Add(field, $"No value is stored here, and exports leave it out: send it again, or set {hasField} to false to go without.");
            }

            return stored;
        }

        if (given.Length == 0)
        {
            return null;
        }

        if (given.Length < minLength || given.Length > maxLength || given.Any(char.IsControl))
        {
            errors.Add(field, $"Use {minLength} to {maxLength} characters without control characters.");
            return stored;
        }

        if (sealedNew is null)
        {
            // Only a caller that skipped the store's sealing step gets here.
            errors.Add(field, "The value could not be encrypted.");
        }

        return sealedNew;
    }
}
