using Appliance.Data.ConfigKinds.ErrorPages;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.Tests.ConfigKinds.ErrorPages;

public sealed class ErrorPageValidatorTests
{
    private static readonly ConfigValidationContext WithShop = ConfigValidationContext.Knowing<RouteSpec>(new HashSet<string> { "shop" });

    private static IDictionary<string, string[]> Errors(ErrorPageSpec page) => ValidatorRun.Errors(new ErrorPageValidator(), page, WithShop);

    [Fact]
    public void Global_and_route_pages_for_each_status_are_valid()
    {
        foreach (var status in ErrorPageSpec.Statuses)
        {
            Assert.Empty(Errors(new ErrorPageSpec { Name = "p", Status = status, Html = "<p>{status}</p>" }));
        }

        Assert.Empty(Errors(new ErrorPageSpec { Name = "p", Status = 503, Route = "shop", Html = "x" }));
    }

    [Fact]
    public void Each_bad_value_names_its_field()
    {
        var errors = Errors(new ErrorPageSpec { Name = "No", Status = 500, Route = "gone", Html = "" });
        Assert.Equal(["html", "name", "route", "status"], errors.Keys.Order());
    }

    [Fact]
    public void A_routes_404_page_is_refused_because_only_requests_without_a_route_get_404() =>
        Assert.Contains("global", Assert.Single(Errors(new ErrorPageSpec { Name = "p", Status = 404, Route = "shop", Html = "x" })["status"]), StringComparison.Ordinal);

    [Fact]
    public void The_size_is_counted_in_UTF8_bytes()
    {
        Assert.Empty(Errors(new ErrorPageSpec { Name = "p", Html = new string('a', ErrorPageSpec.MaxHtmlBytes) }));
        Assert.Contains("html", Errors(new ErrorPageSpec { Name = "p", Html = new string('\u00e9', (ErrorPageSpec.MaxHtmlBytes / 2) + 1) }).Keys);
    }

    [Fact]
    public void Two_pages_for_one_status_and_route_are_refused_in_a_document_and_other_combinations_are_not()
    {
        var document = new ConfigDocument
        {
            Pools = [],
            Routes = [new RouteSpec { Name = "shop" }],
            ErrorPages =
            [
                new ErrorPageSpec { Name = "a", Status = 503, Html = "x" },
                new ErrorPageSpec { Name = "b", Status = 503, Html = "x" },
                new ErrorPageSpec { Name = "c", Status = 503, Route = "shop", Html = "x" },
                new ErrorPageSpec { Name = "d", Status = 502, Route = "shop", Html = "x" },
            ],
        };

        var errors = DocumentValidator.ValidateDocument(document).ToDictionary();
        Assert.Contains("'b'", Assert.Single(errors["errorPages[0].status"]), StringComparison.Ordinal);
        Assert.Contains("'a'", Assert.Single(errors["errorPages[1].status"]), StringComparison.Ordinal);
        Assert.DoesNotContain(errors.Keys, k => k.StartsWith("errorPages[2]", StringComparison.Ordinal) || k.StartsWith("errorPages[3]", StringComparison.Ordinal));
    }
}
