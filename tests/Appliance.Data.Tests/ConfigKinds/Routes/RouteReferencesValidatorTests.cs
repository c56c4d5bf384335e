using Appliance.Data.ConfigKinds.Routes;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.Tests.ConfigKinds.Routes;

public sealed class RouteReferencesValidatorTests
{
    private static readonly ConfigValidationContext Context = DocumentValidator.ContextFor(new ConfigDocument
    {
        Pools = [],
        Routes = [],
        AccessLists = [new AccessListSpec { Name = "office" }],
        RateLimits = [new RateLimitSpec { Name = "tight" }],
    });

    private static IDictionary<string, string[]> Errors(RouteSpec route) => ValidatorRun.Errors(new RouteReferencesValidator(), route, Context);

    [Fact]
    public void References_to_objects_of_the_document_are_valid() =>
        Assert.Empty(Errors(new RouteSpec { AccessList = "office", RateLimit = "tight" }));

    [Fact]
    public void References_to_objects_the_document_lacks_are_named()
    {
        var errors = Errors(new RouteSpec { AccessList = "gone", RateLimit = "gone-too" });
        Assert.Equal("There is no access list named 'gone'.", Assert.Single(errors["accessList"]));
        Assert.Equal("There is no rate limit named 'gone-too'.", Assert.Single(errors["rateLimit"]));
    }
}
