namespace Appliance.Engine.Challenge;

/// <summary>Whether the installation-wide under-attack switch is on in a snapshot: what the dashboard and the API report beside the refusals.</summary>
internal sealed record UnderAttackState(bool On)
{
    public static UnderAttackState Off { get; } = new(false);
}
