namespace Appliance.Engine.Security.TurnedAway;

/// <summary>The reasons in one fixed order, with the label <c>/metrics</c> gives each.</summary>
public static class TurnedAwayReasons
{
    /// <summary>Every reason, in the enum's order; an index into per-reason arrays is the enum's value.</summary>
    public static readonly IReadOnlyList<TurnedAwayReason> All = Enum.GetValues<TurnedAwayReason>();

    /// <summary>How many reasons there are: the width of every per-reason array.</summary>
    public static readonly int Count = All.Count;

    // The shield's own labels (ShieldReasons) are kebab-case; these read the same beside them.
    private static readonly string[] Labels =
        ["banned", "access-list", "country", "rate-limit", "concurrency", "basic-auth", "body-size", "overload", "challenge"];

    /// <summary>The Prometheus label value of <paramref name="reason"/>.</summary>
    public static string Label(TurnedAwayReason reason) => Labels[(int)reason];
}
