using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Appliance.Engine.DataPlane;

namespace Appliance.Engine.Tests.Architecture;

/// <summary>
/// The Engine may use the Data layer's shared pieces (store, model, networking helpers) but not its
/// validation: validators are the write path's business, and an Engine type that leans on them
/// drags the write path's rules into the data plane. Read from the compiled assembly's type
/// references, so a use anywhere (signature, field, method body, attribute) counts, not just a
/// <c>using</c> line.
/// </summary>
public sealed class EngineLayeringTests
{
    private const string Forbidden = "Appliance.Data.Validation";

    [Fact]
    public void No_engine_type_refers_to_a_type_in_data_validation()
    {
        var referenced = ReferencedTypes();

        var offending = referenced.Where(name => name.StartsWith(Forbidden + ".", StringComparison.Ordinal)).ToList();

        Assert.True(offending.Count == 0, "The Engine refers to " + string.Join(", ", offending));
    }

    [Fact]
    public void The_scan_sees_the_data_types_the_engine_does_use()
    {
        // Guards the guard: if the reader stopped seeing Data types, the test above would pass on nothing.
        var referenced = ReferencedTypes();

        Assert.Contains("Appliance.Data.Store.IReservedPorts", referenced);
        Assert.Contains("Appliance.Data.Store.ICountryRules", referenced);
        Assert.Contains("Appliance.Data.Networking.ClientAddresses", referenced);
    }

    [Fact]
    public void The_engine_unwraps_ipv4_mapped_addresses_only_through_client_addresses()
    {
        // ClientAddresses.Normalize is the one unwrap; a private copy would be a call to
        // IPAddress.MapToIPv4 in the Engine's own code.
        using var stream = File.OpenRead(typeof(DataPlaneHost).Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();

        var calls = metadata.MemberReferences
            .Select(metadata.GetMemberReference)
            .Where(member => member.Parent.Kind == HandleKind.TypeReference
                && FullName(metadata, (TypeReferenceHandle)member.Parent) == "System.Net.IPAddress"
                && metadata.GetString(member.Name) == nameof(System.Net.IPAddress.MapToIPv4))
            .ToList();

        Assert.Empty(calls);
    }

    /// <summary>Every type the Engine assembly refers to in another assembly, by full name (nested types as Outer+Inner).</summary>
    private static HashSet<string> ReferencedTypes()
    {
        using var stream = File.OpenRead(typeof(DataPlaneHost).Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.TypeReferences.Select(handle => FullName(metadata, handle)).ToHashSet(StringComparer.Ordinal);
    }

    private static string FullName(MetadataReader metadata, TypeReferenceHandle handle)
    {
        var reference = metadata.GetTypeReference(handle);
        var name = metadata.GetString(reference.Name);
        // A nested type's reference names no namespace; its scope is the enclosing type's reference.
        if (reference.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return FullName(metadata, (TypeReferenceHandle)reference.ResolutionScope) + "+" + name;
        }

        var space = metadata.GetString(reference.Namespace);
        return space.Length == 0 ? name : space + "." + name;
    }
}
