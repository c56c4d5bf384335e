namespace Appliance.Web.Tests.Infrastructure;

/// <summary>One appliance node of an <see cref="ApplianceCluster"/>: the real appliance on its own ports and data directory, on the shared PostgreSQL database.</summary>
public sealed class ClusterNode(string name, string connectionString, IDictionary<string, string?> settings) : ApplianceHost
{
    public string Name { get; } = name;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(settings)
    {
        ["Appliance:Database:Provider"] = "Postgres",
        ["Appliance:Database:ConnectionString"] = connectionString,
        ["Appliance:Node:Name"] = Name,
    };
}
