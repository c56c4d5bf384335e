namespace Appliance.Data.Entities;

// One unused recovery code of a user. Only a salted SHA-256 of it is kept (RecoveryCodes); using a
// code deletes its row, so "codes left" is a count and a code works once.
internal sealed class RecoveryCodeEntity
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public string Hash { get; set; } = "";
}
