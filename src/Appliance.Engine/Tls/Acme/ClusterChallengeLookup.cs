namespace Appliance.Engine.Tls.Acme;

/// <summary>
/// Finds a challenge answer another node published, for a request this node has no answer for in
/// its own memory: from <see cref="AcmeChallengeActivity"/>'s copy, never from the database, so a
/// flood of made-up challenge paths or <c>acme-tls/1</c> handshakes costs a dictionary look-up.
/// </summary>
internal sealed class ClusterChallengeLookup(AcmeChallengeActivity activity, AcmeCounters counters)
{
    /// <summary>True while some node's answers may be in the copy; the ClientHello inspection runs only then.</summary>
    public bool InFlight => activity.InFlight;

    /// <summary>The answer another node published for <paramref name="key"/>, or null.</summary>
    public ValueTask<string?> FindAsync(string type, string key, CancellationToken cancellationToken)
    {
        if (!activity.TryFind(type, key, out var value))
        {
            return ValueTask.FromResult<string?>(null);
        }

        counters.SharedAnswerServed();
        return ValueTask.FromResult(value);
    }
}
