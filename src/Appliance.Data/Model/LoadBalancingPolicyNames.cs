namespace Appliance.Data.Model;

/// <summary>Names of the load-balancing policies a pool may use.</summary>
public static class LoadBalancingPolicyNames
{
    public const string RoundRobin = "RoundRobin";
    public const string LeastRequests = "LeastRequests";
    public const string PowerOfTwoChoices = "PowerOfTwoChoices";
    public const string Random = "Random";
    public const string FirstAvailable = "FirstAvailable";
    public const string WeightedRoundRobin = "WeightedRoundRobin";

    /// <summary>Every policy name, in the order the forms list them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [RoundRobin, LeastRequests, PowerOfTwoChoices, Random, FirstAvailable, WeightedRoundRobin];
}
