namespace Appliance.Data.Entities;

// A user's authenticator: one row per user, from the moment they open the setup until they
// disable it or an Admin resets it. Until ConfirmedAt is set the secret is only being set up and
// sign-in does not ask for a code.
internal sealed class TwoFactorEnrolmentEntity
{
    public int UserId { get; set; }

    // The TOTP secret, encrypted with the Data Protection key ring (TwoFactorSecretProtector):
    // whoever reads the database without the ring cannot compute codes.
    public string ProtectedSecret { get; set; } = "";

    public DateTimeOffset? ConfirmedAt { get; set; }

    // The last TOTP time step accepted (Unix seconds / 30): a code of that step or an earlier one is
    // refused, so a code seen over a shoulder or in a log cannot be replayed within its window.
    public long LastUsedStep { get; set; }
}
