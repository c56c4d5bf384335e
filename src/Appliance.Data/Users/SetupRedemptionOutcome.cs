namespace Appliance.Data.Users;

/// <summary>How an attempt to use the setup code ended.</summary>
public enum SetupRedemptionOutcome
{
    /// <summary>The first administrator exists; the code is spent.</summary>
    Created,

    /// <summary>Not the code, or no code is pending any more.</summary>
    WrongCode,

    /// <summary>The code was right but the new administrator was refused; the code still works.</summary>
    Refused,
}
