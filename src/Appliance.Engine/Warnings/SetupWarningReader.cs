using Appliance.Data.Certificates;
using Appliance.Data.Model;
using Appliance.Engine.Configuration;
using Appliance.Engine.Health;

namespace Appliance.Engine.Warnings;

/// <summary>
/// The setup warnings as of now, for the API, the dashboard and the pages of the objects: the
/// configuration the data plane serves (its newest snapshot), the backends' live health and the
/// stored certificates.
/// </summary>
public sealed class SetupWarningReader(SnapshotStore snapshots, HealthReader health, CertificateStore certificates, TimeProvider time)
{
    /// <summary>Every warning, certificates included (one read of the certificate table).</summary>
    public async Task<IReadOnlyList<SetupWarning>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var stored = await certificates.ListAsync(cancellationToken);
        return Read(health.Read(), stored);
    }

    /// <summary>
    /// The warnings for a health report the caller has read already; with <paramref name="certificates"/>
    /// null (not read, or the database is away) the certificate warnings are left out. Reads no database.
    /// </summary>
    public IReadOnlyList<SetupWarning> Read(HealthReport report, IReadOnlyList<CertificateInfo>? certificates)
    {
        var plan = snapshots.Current.Parts.Get<SetupPlan>() ?? SetupPlan.Empty;
        return SetupWarningRules.Evaluate(report.Pools, plan, certificates, time.GetUtcNow());
    }
}
