using System.Text.Encodings.Web;
using System.Text.Json;

namespace Appliance.Web.Components.Pages.Audit;

/// <summary>
/// Compares an audit entry's before and after JSON line by line, after indenting both the same
/// way, so that a change to one backend's weight shows as one removed and one added line.
/// </summary>
public static class JsonDiff
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<DiffLine> Compare(string? before, string? after)
    {
        var oldLines = Lines(before);
        var newLines = Lines(after);

        // Longest common subsequence, from the end, so the walk below goes front to back.
        var common = new int[oldLines.Length + 1, newLines.Length + 1];
        for (var i = oldLines.Length - 1; i >= 0; i--)
        {
            for (var j = newLines.Length - 1; j >= 0; j--)
            {
                common[i, j] = oldLines[i] == newLines[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var diff = new List<DiffLine>(oldLines.Length + newLines.Length);
        int o = 0, n = 0;
        while (o < oldLines.Length && n < newLines.Length)
        {
            if (oldLines[o] == newLines[n])
            {
                diff.Add(new DiffLine(DiffKind.Unchanged, oldLines[o++]));
                n++;
            }
            else if (common[o + 1, n] >= common[o, n + 1])
            {
                diff.Add(new DiffLine(DiffKind.Removed, oldLines[o++]));
            }
            else
            {
                diff.Add(new DiffLine(DiffKind.Added, newLines[n++]));
            }
        }

        diff.AddRange(oldLines[o..].Select(line => new DiffLine(DiffKind.Removed, line)));
        diff.AddRange(newLines[n..].Select(line => new DiffLine(DiffKind.Added, line)));
        return diff;
    }

    private static string[] Lines(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, Indented).Split('\n');
        }
        catch (JsonException)
        {
            return json.Split('\n');
        }
    }
}
