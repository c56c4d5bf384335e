namespace Appliance.Data.Users;

/// <summary>
/// An attempt the <see cref="SignInGate"/> began: whether its secret may be checked at all, and
/// whether Redis counted it too (and so must hear how it ended).
/// </summary>
internal readonly record struct GatedAttempt(SignInAttempt Attempt, bool SharedCounted)
{
    public bool Allowed => Attempt.Allowed;
}
