using Appliance.Data.Tokens;
using Appliance.Data.Users;
using Appliance.Web.Auth;

namespace Appliance.Web.Api;

/// <summary><c>/api/v1/tokens</c>: API tokens, for Admins only. A token's secret is returned once, at creation.</summary>
internal static class TokenEndpoints
{
    public static RouteGroupBuilder MapTokenEndpoints(this RouteGroupBuilder api)
    {
        // An Admin token, authenticated against the store on this very request, is the editor: the
        // store has nothing more to check about it.
        var tokens = api.MapGroup("/tokens").WithTags("Tokens").RequireAuthorization(ApiTokenDefaults.WritePolicy);

        tokens.MapGet("/", async (ApiTokenStore store, CancellationToken ct) => Results.Ok(await store.ListAsync(ct)))
            .Produces<IReadOnlyList<ApiTokenInfo>>();

        tokens.MapPost("/", async (HttpRequest request, ApiTokenStore store, CancellationToken ct) =>
            {
                var (tokenRequest, error) = await ApiJson.ReadAsync<ApiTokenRequest>(request);
                if (error is not null)
                {
                    return error;
                }

                var result = await store.CreateAsync(tokenRequest!, Editor.Authorized(Actor.Of(request.HttpContext)), ct);
                return ApiProblems.From(result, created => Results.Created($"/api/v1/tokens/{created.Id}", created));
            })
            .Accepts<ApiTokenRequest>("application/json")
            .Produces<CreatedApiToken>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status409Conflict);

        tokens.MapDelete("/{id:int}", async (int id, HttpContext context, ApiTokenStore store, CancellationToken ct) =>
                ApiProblems.From(await store.RevokeAsync(id, Editor.Authorized(Actor.Of(context)), ct), _ => Results.NoContent()))
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
