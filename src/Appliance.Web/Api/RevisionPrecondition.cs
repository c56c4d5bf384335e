using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Appliance.Web.Api;

/// <summary>
/// The revision a restore expects to replace: <c>If-Match: "41"</c> (the ETag the revision list
/// answers with) or <c>?expectedRevision=41</c>. A restore chosen from an old look at the list then
/// fails with 409 instead of undoing a change its author never saw.
/// </summary>
internal static class RevisionPrecondition
{
    /// <summary>The ETag of configuration revision <paramref name="revision"/>.</summary>
    public static string ETagOf(long revision) => $"\"{revision.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The expected revision, null when the request names none (or <c>*</c>), or a 400 naming what does not parse.</summary>
    public static (long? Expected, IResult? Error) Read(HttpRequest request, long? expectedRevision)
    {
        var header = request.Headers[HeaderNames.IfMatch].ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return (expectedRevision, null);
        }

        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (!long.TryParse(tag.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
        {
            return (null, ApiProblems.Invalid(HeaderNames.IfMatch, "If-Match must be one revision's ETag, as the revision list sends it: \"41\"."));
        }

        if (expectedRevision is { } query && query != revision)
        {
            return (null, ApiProblems.Invalid("expectedRevision", $"expectedRevision {query} and If-Match {header} name different revisions."));
        }

        return (revision, null);
    }
}
