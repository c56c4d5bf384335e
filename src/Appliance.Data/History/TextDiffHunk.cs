namespace Appliance.Data.History;

/// <summary>A run of changed lines with a little context, numbered from 1 as a unified diff's <c>@@ -a,b +c,d @@</c>.</summary>
public sealed record TextDiffHunk(int OldStart, int OldCount, int NewStart, int NewCount, IReadOnlyList<TextDiffLine> Lines)
{
    public string Header => $"@@ -{OldStart},{OldCount} +{NewStart},{NewCount} @@";
}
