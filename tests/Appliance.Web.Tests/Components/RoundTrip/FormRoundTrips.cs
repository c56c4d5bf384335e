using Appliance.Web.Tests.Infrastructure;

namespace Appliance.Web.Tests.Components.RoundTrip;

/// <summary>
/// One running appliance for every round-trip test: objects are created through its API and saved
/// through the forms, which write through the same ConfigStore.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FormRoundTrips : ICollectionFixture<ApplianceHost>
{
    public const string Name = "Form round trips";
}
