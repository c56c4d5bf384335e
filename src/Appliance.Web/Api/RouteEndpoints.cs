using Appliance.Engine.Routing.Testing;

namespace Appliance.Web.Api;

/// <summary><c>/api/v1/routes</c>: which requests go to which pools, and a tester that says which route takes a request.</summary>
internal static class RouteEndpoints
{
    public static RouteGroupBuilder MapRouteEndpoints(this RouteGroupBuilder api)
    {
        api.MapConfigObjects(new ConfigObjectApi { Path = "/routes", Tag = "Routes", ReadOne = true, DeleteMayConflict = true }, store => store.Routes);

        // Reads only (no backend is asked, no counter moves), so a viewer may use it too.
        api.MapPost("/routes/test", async (HttpRequest request, RouteTester tester) =>
            {
                var (test, error) = await ApiJson.ReadAsync<RouteTestRequest>(request);
                if (error is not null)
                {
                    return error;
                }

                var errors = RouteTestValidator.Validate(test!);
                return errors.Count > 0
                    ? ApiProblems.Invalid(errors)
                    : Results.Ok(await tester.TestAsync(test!));
            })
            .WithTags("Routes")
            .Accepts<RouteTestRequest>("application/json")
            .Produces<RouteTestResult>()
            .ProducesValidationProblem();
        return api;
    }
}
