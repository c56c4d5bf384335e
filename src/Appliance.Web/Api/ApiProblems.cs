using Appliance.Data.Store;
using Microsoft.AspNetCore.Mvc;

namespace Appliance.Web.Api;

/// <summary>RFC 9457 answers of the API: every refusal says what was wrong and, where it can, which field.</summary>
internal static class ApiProblems
{
    /// <summary>A refusal about one field.</summary>
    public static IResult Invalid(string field, string message, int statusCode = StatusCodes.Status400BadRequest) =>
        Problem(statusCode, "The request is not valid.", message, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A refusal about several fields at once.</summary>
    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        Problem(StatusCodes.Status400BadRequest, "The request is not valid.", string.Join(" ", errors.Values.SelectMany(m => m)), errors);

    /// <summary>The API's answer to a store result: the success result, else 400, 403, 404 or 409.</summary>
    public static IResult From<T>(StoreResult<T> result, Func<T, IResult> onSuccess) => result.Status switch
    {
        StoreStatus.Ok => onSuccess(result.Value!),
        StoreStatus.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found.", detail: result.Detail),
        StoreStatus.Forbidden => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: result.Detail),
        StoreStatus.Conflict => Problem(StatusCodes.Status409Conflict, "The change conflicts with the configuration.", result.Detail, result.Errors),
        _ => Problem(StatusCodes.Status400BadRequest, "The configuration is not valid.", result.Detail, result.Errors),
    };

    private static IResult Problem(int statusCode, string title, string? detail, IDictionary<string, string[]> errors) =>
        Results.Problem(new ValidationProblemDetails(errors) { Status = statusCode, Title = title, Detail = detail });
}
