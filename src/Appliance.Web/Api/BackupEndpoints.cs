using Appliance.Data.Backup;
using Appliance.Data.Store;
using Appliance.Data.Tokens;
using Appliance.Data.Users;
using Appliance.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Appliance.Web.Api;

/// <summary>
/// <c>/api/v1/backup</c> and <c>/api/v1/restore</c>, Admin only. The passphrase travels in a body
/// (or, for a raw restore body, a header), never in the query string: request lines end up in access
/// logs, proxies' logs and shell histories, so there is no <c>GET /backup?passphrase=</c>.
/// </summary>
internal static class BackupEndpoints
{
    /// <summary>The header that carries the passphrase when the restore's body is the file itself.</summary>
    public const string PassphraseHeader = "X-Backup-Passphrase";

    public static RouteGroupBuilder MapBackupEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/").WithTags("Backup").RequireAuthorization(ApiTokenDefaults.WritePolicy);

        group.MapPost("/backup", async (HttpRequest request, BackupWriter writer, CancellationToken ct) =>
            {
                var (body, error) = await ApiJson.ReadAsync<BackupRequest>(request);
                if (error is not null)
                {
                    return error;
                }

                var result = await writer.CreateAsync(body!.Passphrase, Editor.Authorized(Actor.Of(request.HttpContext)), ct);
                if (result.Succeeded)
                {
                    // The file holds every secret the appliance has, encrypted or not: no cache keeps it.
                    request.HttpContext.Response.Headers.CacheControl = "no-store";
                }

                return ApiProblems.From(result, file => Results.File(file.Content, "application/octet-stream", file.FileName));
            })
            .Accepts<BackupRequest>("application/json")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesValidationProblem();

        group.MapPost("/restore", async (bool? replace, HttpRequest request, BackupRestorer restorer, BootstrapToken bootstrap, ApiTokenStore tokens, CancellationToken ct) =>
            {
                var (file, passphrase, formReplace) = await ReadRestoreAsync(request, ct);
                if (file is null)
                {
                    return ApiProblems.Invalid(BackupRestorer.FileField,
                        $"Send the backup as multipart/form-data (a 'file' part and a 'passphrase' field) or as the raw body with the passphrase in the {PassphraseHeader} header.");
                }

                var result = await restorer.RestoreAsync(file, passphrase, replace ?? formReplace, Editor.Authorized(Actor.Of(request.HttpContext)), ct);
                if (result.Status == StoreStatus.Invalid)
                {
                    return Results.Problem(new ValidationProblemDetails(result.Errors)
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "The backup was not restored; nothing was changed.",
                        Detail = result.Detail,
                    });
                }

                var signInAgain = !await CallerKeepsAccessAsync(request, bootstrap, tokens, ct);
                return ApiProblems.From(result, summary => Results.Ok(new RestoreResponse(summary, signInAgain, signInAgain
                    ? "Restored. This token is not in the backup: use one of the backup's tokens or users from now on."
                    : "Restored. Every admin-site session has ended; users sign in again with their passwords from the backup.")));
            })
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data", "application/octet-stream")
            .Produces<RestoreResponse>()
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status409Conflict);

        return api;
    }

    private static async Task<(byte[]? File, string? Passphrase, bool Replace)> ReadRestoreAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is not { } part)
            {
                return (null, null, false);
            }

            using var content = new MemoryStream();
            await part.CopyToAsync(content, ct);
            return (content.ToArray(), form["passphrase"].ToString(), bool.TryParse(form["replace"], out var replace) && replace);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, ct);
        if (body.Length == 0)
        {
            return (null, null, false);
        }

        return (body.ToArray(), request.Headers[PassphraseHeader].ToString(), false);
    }

    // The bootstrap token lives in the settings and survives; any other token survives only if the backup holds it.
    private static async Task<bool> CallerKeepsAccessAsync(HttpRequest request, BootstrapToken bootstrap, ApiTokenStore tokens, CancellationToken ct)
    {
        const string prefix = "Bearer ";
        string? header = request.Headers.Authorization;
        if (header is null || !header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = header[prefix.Length..].Trim();
        return bootstrap.Matches(presented) || await tokens.FindAsync(presented, ct) is not null;
    }
}
