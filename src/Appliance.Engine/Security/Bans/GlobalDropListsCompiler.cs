using Appliance.Data.Model;
using Appliance.Engine.Configuration;
using Appliance.Engine.Security.Shield;

namespace Appliance.Engine.Security.Bans;

/// <summary>Compiles the global access lists whose denial is a dropped connection, once per snapshot, for the connection filter.</summary>
internal sealed class GlobalDropListsCompiler : ISnapshotPartCompiler
{
    public void Compile(ConfigDocument document, SnapshotParts parts)
    {
        var lists = (document.AccessLists ?? [])
            .Where(l => l is { Global: true, DenyAction: AccessActions.Drop })
            .OrderBy(l => l.Name, StringComparer.Ordinal)
            .Select(l => new CompiledAccessList(l))
            .ToArray();
        parts.Set(lists.Length == 0 ? GlobalDropLists.None : new GlobalDropLists(lists));
    }
}
