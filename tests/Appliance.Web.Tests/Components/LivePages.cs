using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Components;

/// <summary>
/// One running appliance for the tests of pages that follow live state (health, warnings, cache
/// figures): they wait for each change to go live, so they keep away from the round trips' appliance,
/// whose routes set through the API on purpose may hold configuration the data plane refuses.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LivePages : ICollectionFixture<ApplianceHost>
{
    public const string Name = "Live pages";
}
