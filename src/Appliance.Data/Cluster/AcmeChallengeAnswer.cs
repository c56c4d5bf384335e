namespace Appliance.Data.Cluster;

/// <summary>One live challenge answer a node published (see <see cref="AcmeChallengeStore"/>).</summary>
public sealed record AcmeChallengeAnswer(string Type, string Key, string Value);
