namespace Appliance.Web.Tests.Routing;

/// <summary>The route tester's classes share one host: its routes of every kind take a while to set up.</summary>
[CollectionDefinition(Name)]
public sealed class RouteTesterCollection : ICollectionFixture<RouteTesterHost>
{
    public const string Name = "Route tester";
}
