namespace Appliance.Data.History;

/// <summary>
/// <c>Appliance:History:*</c>: how many configuration revisions keep their whole document. Bound and
/// checked at start by <see cref="HistoryOptionsValidator"/>.
/// </summary>
public sealed class HistoryOptions
{
    public const string Section = "Appliance:History";
    public const string MaxRevisionsKey = Section + ":" + nameof(MaxRevisions);
    public const int DefaultMaxRevisions = 500;

    // A document per revision: a hundred thousand of them is already far more than anyone reads back.
    public const int UpperBound = 100_000;

    /// <summary>
    /// The newest revisions whose documents are kept; a write prunes the ones before them in the same
    /// transaction. Revision numbers go on rising: a pruned number is never reused.
    /// Nullable so that a key given empty means the default, as it always has, rather than 0.
    /// </summary>
    public int? MaxRevisions { get; set; }

    /// <summary><see cref="MaxRevisions"/>, with its default.</summary>
    public int KeptRevisions => MaxRevisions ?? DefaultMaxRevisions;
}
