using System.Text.Encodings.Web;
using System.Text.Json;
using Appliance.Data.History;

namespace Appliance.Web.Components.Pages.Audit;

/// <summary>
/// Compares an audit entry's before and after JSON line by line, after indenting both the same
/// way, so that a change to one backend's weight shows as one removed and one added line, in a
/// hunk with the history's few lines of context (<see cref="TextDiff"/>), not the whole object.
/// </summary>
public static class JsonDiff
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<TextDiffHunk> Compare(string? before, string? after) =>
        TextDiff.Hunks(Indent(before), Indent(after));

    private static string Indent(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
