using Appliance.Data.Model;
using Appliance.Engine.Configuration;
using Appliance.Engine.Security.Shield;

namespace Appliance.Engine.Streams;

/// <summary>Compiles the streams of a document once per snapshot, each access list once however many streams name it (country rules read the one country database).</summary>
internal sealed class StreamsPlanCompiler(GeoIp.CountryDatabase? countries = null) : ISnapshotPartCompiler
{
    public void Compile(ConfigDocument document, SnapshotParts parts)
    {
        var lists = document.AccessLists.ToDictionary(l => l.Name, l => new CompiledAccessList(l, countries), StringComparer.Ordinal);
        var streams = document.Streams
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .Select(s => new StreamPlan(s, s.AccessList is { } name ? lists.GetValueOrDefault(name) ?? DenyAll(name) : null))
            .ToArray();
        parts.Set(new StreamsPlan(streams));
    }

    // The store never lets a stream name a list that is not there; were it to, the stream fails closed.
    private static CompiledAccessList DenyAll(string name) => new(new AccessListSpec { Name = name, DefaultAction = AccessActions.Deny });
}
