using Appliance.Data.Certificates;
using Appliance.Data.Model;
using Appliance.Web.Auth;

namespace Appliance.Web.Api;

/// <summary>
/// <c>/api/v1/certificates</c>: upload (PEM or PFX), replace in place, request from ACME, renew, delete. Responses
/// describe certificates; no response ever carries a private key.
/// </summary>
internal static class CertificateEndpoints
{
    public static RouteGroupBuilder MapCertificateEndpoints(this RouteGroupBuilder api)
    {
        var certificates = api.MapGroup("/certificates").WithTags("Certificates");

        certificates.MapGet("/", async (CertificateStore store, CancellationToken ct) => Results.Ok(await store.ListAsync(ct)))
            .Produces<IReadOnlyList<CertificateInfo>>();

        certificates.MapGet("/{name}", async (string name, CertificateStore store, CancellationToken ct) =>
                await store.GetAsync(name, ct) is { } certificate
                    ? Results.Ok(certificate)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: $"There is no certificate named '{name}'."))
            .Produces<CertificateInfo>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        certificates.MapPost("/", async (HttpRequest request, CertificateStore store, CancellationToken ct) =>
            {
                var (upload, error) = await ApiJson.ReadAsync<CertificateUpload>(request);
                if (error is not null)
                {
                    return error;
                }

                var result = await store.UploadAsync(upload!, Actor.Of(request.HttpContext), ct);
                return ApiProblems.From(result, created => Results.Created($"/api/v1/certificates/{created.Name}", created));
            })
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Accepts<CertificateUpload>("application/json")
            .Produces<CertificateInfo>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status409Conflict);

        // Rotation: the same body as an upload, for a certificate that exists (and that routes may use).
        certificates.MapPut("/{name}", async (string name, HttpRequest request, CertificateReplacer replacer, CancellationToken ct) =>
            {
                var (upload, error) = await ApiJson.ReadAsync<CertificateUpload>(request);
                if (error is not null)
                {
                    return error;
                }

                return ApiProblems.From(await replacer.ReplaceAsync(name, upload!, Actor.Of(request.HttpContext), ct), info => Results.Ok(info));
            })
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Accepts<CertificateUpload>("application/json")
            .Produces<CertificateInfo>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status409Conflict);

        certificates.MapPost("/acme", async (HttpRequest request, CertificateStore store, CancellationToken ct) =>
            {
                var (acmeRequest, error) = await ApiJson.ReadAsync<AcmeCertificateRequest>(request);
                if (error is not null)
                {
                    return error;
                }

                var result = await store.RequestAcmeAsync(acmeRequest!, Actor.Of(request.HttpContext), ct);
                return ApiProblems.From(result, created => Results.Accepted($"/api/v1/certificates/{created.Name}", created));
            })
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Accepts<AcmeCertificateRequest>("application/json")
            .Produces<CertificateInfo>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem().ProducesValidationProblem(StatusCodes.Status409Conflict);

        certificates.MapPost("/{name}/renew", async (string name, HttpContext context, CertificateStore store, CancellationToken ct) =>
                ApiProblems.From(await store.RenewNowAsync(name, Actor.Of(context), ct), info => Results.Accepted($"/api/v1/certificates/{name}", info)))
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Produces<CertificateInfo>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status409Conflict);

        certificates.MapDelete("/{name}", async (string name, HttpContext context, CertificateStore store, CancellationToken ct) =>
                ApiProblems.From(await store.DeleteAsync(name, Actor.Of(context), ct), _ => Results.NoContent()))
            .RequireAuthorization(ApiTokenDefaults.WritePolicy)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem(StatusCodes.Status409Conflict);

        return api;
    }
}
