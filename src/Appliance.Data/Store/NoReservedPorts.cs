namespace Appliance.Data.Store;

/// <summary>No port is taken: the store alone (tools, data-layer tests) knows no listener.</summary>
internal sealed class NoReservedPorts : IReservedPorts
{
    public static IReadOnlyDictionary<int, string> None { get; } = new Dictionary<int, string>();

    public IReadOnlyDictionary<int, string> Read() => None;
}
