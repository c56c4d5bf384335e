using System.Text.Json;

namespace Appliance.Engine.Tls.Acme;

/// <summary>
/// The ACME server refused something, with its problem document (RFC 8555 §6.7, RFC 7807):
/// the message says what happened in the server's words, ready for the certificate's last error.
/// </summary>
public sealed class AcmeException : Exception
{
    public const string BadNonce = "urn:ietf:params:acme:error:badNonce";

    public AcmeException(string message, string? problemType = null)
        : base(message)
    {
        ProblemType = problemType;
    }

    public AcmeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The problem's type URN, e.g. <c>urn:ietf:params:acme:error:rateLimited</c>.</summary>
    public string? ProblemType { get; }

    /// <summary>Reads a problem document: type, detail and any sub-problems (one per identifier).</summary>
    public static AcmeException FromProblem(JsonElement problem, string context)
    {
        var type = problem.TryGetProperty("type", out var t) ? t.GetString() : null;
        var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
        var parts = new List<string> { $"{context}: {Describe(type)}{(detail is null ? "" : $" — {detail}")}" };
        if (problem.TryGetProperty("subproblems", out var subproblems) && subproblems.ValueKind == JsonValueKind.Array)
        {
            foreach (var sub in subproblems.EnumerateArray())
            {
                var identifier = sub.TryGetProperty("identifier", out var id) && id.TryGetProperty("value", out var value) ? value.GetString() : null;
                var subDetail = sub.TryGetProperty("detail", out var sd) ? sd.GetString() : null;
                parts.Add($"{identifier}: {subDetail}");
            }
        }

        return new AcmeException(string.Join(" ", parts), type);
    }

    // The types operators meet most, in words; anything else is named by its URN.
    private static string Describe(string? type) => type switch
    {
        "urn:ietf:params:acme:error:rateLimited" => "the CA's rate limit was hit",
        "urn:ietf:params:acme:error:rejectedIdentifier" => "the CA will not issue for this name",
        "urn:ietf:params:acme:error:unauthorized" => "validation failed",
        "urn:ietf:params:acme:error:connection" => "the CA could not connect to the appliance",
        "urn:ietf:params:acme:error:dns" => "the name does not resolve",
        "urn:ietf:params:acme:error:caa" => "a CAA record forbids this CA",
        "urn:ietf:params:acme:error:malformed" => "the request was malformed",
        BadNonce => "the nonce was refused",
        null => "error",
        _ => type,
    };
}
