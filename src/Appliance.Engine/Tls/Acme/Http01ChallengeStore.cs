using System.Collections.Concurrent;

namespace Appliance.Engine.Tls.Acme;

/// <summary>The HTTP-01 answers the data plane gives while an ACME order is being validated: token to key authorization.</summary>
public sealed class Http01ChallengeStore
{
    private readonly ConcurrentDictionary<string, string> _answers = new(StringComparer.Ordinal);

    /// <summary>True when no validation is under way on this node.</summary>
    public bool IsEmpty => _answers.IsEmpty;

    public void Add(string token, string keyAuthorization) => _answers[token] = keyAuthorization;

    public void Remove(string token) => _answers.TryRemove(token, out _);

    public bool TryGet(string token, out string keyAuthorization) => _answers.TryGetValue(token, out keyAuthorization!);
}
