namespace Appliance.Engine.Challenge;

/// <summary>Challenge outcomes since start; shared with the control plane, which reports them.</summary>
public sealed class ChallengeCounter
{
    private readonly long[] _counts = new long[Enum.GetValues<ChallengeResult>().Length];

    internal void Count(ChallengeResult result) => Interlocked.Increment(ref _counts[(int)result]);

    /// <summary>Each outcome's count so far, by its metric label.</summary>
    public IReadOnlyList<(string Result, long Count)> Counts() =>
        Enum.GetValues<ChallengeResult>().Select(r => (r.ToString().ToLowerInvariant(), Interlocked.Read(ref _counts[(int)r]))).ToArray();
}
