namespace Appliance.Data.TwoFactor;

/// <summary>What the two-factor forms and the API say when they refuse, in one place.</summary>
public static class TwoFactorMessages
{
    /// <summary>A wrong or throttled password, said alike as on the change-password page.</summary>
    public const string WrongPassword = Users.UserStore.WrongCurrentPassword;

    /// <summary>The first code of an authenticator being set up is not its current one.</summary>
    public const string WrongSetupCode = "That is not the authenticator's current code; check that the phone's clock is right and type the code shown now.";

    /// <summary>A wrong or throttled code where the user is signed in already (turning two-factor off).</summary>
    public const string WrongCode = "The code is not right, or there were too many attempts; try again later.";

    /// <summary>Two-factor cannot be turned off while an Admin requires it.</summary>
    public const string RequiredForEveryone = "Two-factor sign-in is required for every user of this appliance; an Admin can lift the requirement.";

    /// <summary>There is no authenticator being set up to confirm (set up elsewhere, or reset meanwhile).</summary>
    public const string NothingToConfirm = "There is no authenticator being set up: open the two-factor page again.";

    /// <summary>Two-factor is already on; a second authenticator means turning it off first.</summary>
    public const string AlreadyOn = "Two-factor sign-in is already on; turn it off first to set up another authenticator.";

    /// <summary>Two-factor is not on, so there is nothing to turn off or renew.</summary>
    public const string NotOn = "Two-factor sign-in is not on.";

    /// <summary>An Admin without two-factor turning the requirement on would be signed out by it.</summary>
    public const string EnrolYourselfFirst = "Set up two-factor sign-in for yourself first: turning the requirement on signs out everyone who has not.";
}
