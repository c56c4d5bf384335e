using System.Text.Json;
using Appliance.Data.Store;

namespace Appliance.Web.Api;

/// <summary>
/// Reads request bodies with the configuration's JSON rules, turning every way a body can be wrong
/// into a 400 that names the field or the position.
/// </summary>
internal static class ApiJson
{
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.Invalid("body", "Send the body as JSON with 'Content-Type: application/json'.", StatusCodes.Status415UnsupportedMediaType));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, ConfigJson.Options, request.HttpContext.RequestAborted);
            return value is null
                ? (null, ApiProblems.Invalid("body", "The body must be a JSON object, not null."))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Describe(ex));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            return (null, ApiProblems.Invalid("body", $"The body is larger than the {limit} bytes the API accepts.", StatusCodes.Status413PayloadTooLarge));
        }
    }

    private static IResult Describe(JsonException ex)
    {
        var (field, message) = Explain(ex);
        return ApiProblems.Invalid(field, message);
    }

    /// <summary>
    /// The field and message for JSON that does not read as the configuration's shape: the API's 400
    /// and the admin site's import say the same.
    /// </summary>
    public static (string Field, string Message) Explain(JsonException ex)
    {
        var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";

        // A member that does not exist or has the wrong type belongs to its field; broken syntax
        // belongs to the body as a whole.
        if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return (FieldOf(ex.Path), $"Unknown member{where}; check the spelling against the API's schema.");
        }

        // "... was missing required properties including: 'pools', 'routes'." names them.
        if (ex.Message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var names = System.Text.RegularExpressions.Regex.Matches(ex.Message[ex.Message.IndexOf(':', StringComparison.Ordinal)..], "'([^']+)'")
                .Select(m => m.Groups[1].Value).ToArray();
            return (names.FirstOrDefault() ?? "body", $"Required: {string.Join(", ", names)}.");
        }

        if (ex.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return (FieldOf(ex.Path), $"The value has the wrong type{where}.");
        }

        return ("body", $"The body is not valid JSON{where}.");
    }

    // "$.backends[0].weight" is the field "backends[0].weight".
    private static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "body"
        : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..]
        : jsonPath.TrimStart('$');
}
