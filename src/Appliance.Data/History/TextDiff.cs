using DiffPlex;

namespace Appliance.Data.History;

/// <summary>
/// A unified line diff of two texts (the pretty-printed documents), in hunks with
/// <see cref="ContextLines"/> lines of context. DiffPlex finds the changed blocks (Myers' algorithm,
/// linear in memory, so thousand-line documents cost nothing worth mentioning); the hunks are ours.
/// </summary>
public static class TextDiff
{
    public const int ContextLines = 3;

    public static IReadOnlyList<TextDiffHunk> Hunks(string before, string after)
    {
        var result = Differ.Instance.CreateLineDiffs(before, after, ignoreWhitespace: false);
        var oldLines = result.PiecesOld;
        var newLines = result.PiecesNew;
        var hunks = new List<TextDiffHunk>();
        var blocks = result.DiffBlocks;
        var i = 0;
        while (i < blocks.Count)
        {
            // Blocks closer than twice the context share one hunk.
            var last = i;
            while (last + 1 < blocks.Count && blocks[last + 1].DeleteStartA - (blocks[last].DeleteStartA + blocks[last].DeleteCountA) <= 2 * ContextLines)
            {
                last++;
            }

            var oldStart = Math.Max(0, blocks[i].DeleteStartA - ContextLines);
            var newStart = Math.Max(0, blocks[i].InsertStartB - ContextLines);
            var lines = new List<TextDiffLine>();
            var o = oldStart;
            for (var b = i; b <= last; b++)
            {
                var block = blocks[b];
                for (; o < block.DeleteStartA; o++)
                {
                    lines.Add(new TextDiffLine(TextDiffLine.Context, oldLines[o]));
                }

                for (var d = 0; d < block.DeleteCountA; d++)
                {
                    lines.Add(new TextDiffLine(TextDiffLine.Removed, oldLines[block.DeleteStartA + d]));
                }

                for (var a = 0; a < block.InsertCountB; a++)
                {
                    lines.Add(new TextDiffLine(TextDiffLine.Added, newLines[block.InsertStartB + a]));
                }

                o = block.DeleteStartA + block.DeleteCountA;
            }

            var oldEnd = Math.Min(oldLines.Count, o + ContextLines);
            for (; o < oldEnd; o++)
            {
                lines.Add(new TextDiffLine(TextDiffLine.Context, oldLines[o]));
            }

            var oldCount = lines.Count(l => l.Kind != TextDiffLine.Added);
            var newCount = lines.Count(l => l.Kind != TextDiffLine.Removed);
            hunks.Add(new TextDiffHunk(oldCount == 0 ? oldStart : oldStart + 1, oldCount, newCount == 0 ? newStart : newStart + 1, newCount, lines));
            i = last + 1;
        }

        return hunks;
    }

    /// <summary>The hunks as unified diff text, under <c>---</c>/<c>+++</c> lines naming both sides.</summary>
    public static string Unified(string fromLabel, string toLabel, IReadOnlyList<TextDiffHunk> hunks)
    {
        if (hunks.Count == 0)
        {
            return "";
        }

        var text = new System.Text.StringBuilder();
        text.Append("--- ").Append(fromLabel).Append('\n').Append("+++ ").Append(toLabel).Append('\n');
        foreach (var hunk in hunks)
        {
            text.Append(hunk.Header).Append('\n');
            foreach (var line in hunk.Lines)
            {
                text.Append(line.Unified).Append('\n');
            }
        }

        return text.ToString();
    }
}
