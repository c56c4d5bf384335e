namespace Appliance.Data.History;

/// <summary>
/// What changed from revision <see cref="From"/> to revision <see cref="To"/>: per kind and object
/// name, added, removed and changed (with each changed field before and after); and the same as a
/// unified line diff of the two pretty-printed documents, in hunks and as text.
/// </summary>
public sealed record ConfigDiff(long From, long To, IReadOnlyList<KindDiff> Kinds, IReadOnlyList<TextDiffHunk> Hunks, string Unified)
{
    /// <summary>True when both revisions hold the same configuration.</summary>
    public bool IsEmpty => Kinds.Count == 0 && Hunks.Count == 0;
}
