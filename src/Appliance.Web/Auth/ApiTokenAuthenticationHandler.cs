using System.Security.Claims;
using System.Text.Encodings.Web;
using Appliance.Data.Model;
using Appliance.Data.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Appliance.Web.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer …</c> against the bootstrap token and the stored token
/// hashes, and answers 401 and 403 as RFC 9457 problem details.
/// </summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    BootstrapToken bootstrapToken,
    ApiTokenStore tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = header[BearerPrefix.Length..].Trim();
        if (presented.Length == 0)
        {
            return AuthenticateResult.Fail("Empty bearer token.");
        }

        var identity = bootstrapToken.Matches(presented)
            ? new ApiTokenIdentity(BootstrapToken.ActorName, ApplianceRoles.Admin)
            : await tokens.FindAsync(presented, Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked token.");
        }

        var claims = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "token:" + identity.Name), new Claim(ClaimTypes.Role, identity.Role)],
            ApiTokenDefaults.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(claims), ApiTokenDefaults.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized",
            detail: "A valid API token is required: send it as 'Authorization: Bearer <token>'.").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            detail: "This token may read but not change the configuration; an Admin token is required.").ExecuteAsync(Context);
}
