namespace Appliance.Data.Entities;

// How the admin site lets users in, for everyone: one row (Id 1), absent until an Admin first
// changes it. Not part of the configuration document: it is about the operators, not the traffic,
// and an import of a proxy configuration must not switch two-factor off.
internal sealed class SignInPolicyEntity
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public bool RequireTwoFactor { get; set; }
}
