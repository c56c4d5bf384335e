using Microsoft.Extensions.Configuration;

namespace Appliance.Data.History;

/// <summary><c>Appliance:History:*</c>: how many configuration revisions keep their whole document.</summary>
/// <param name="MaxRevisions">
/// The newest revisions whose documents are kept; a write prunes the ones before them in the same
/// transaction. Revision numbers go on rising: a pruned number is never reused.
/// </param>
public sealed record HistoryOptions(int MaxRevisions)
{
    public const string MaxRevisionsKey = "Appliance:History:MaxRevisions";
    public const int DefaultMaxRevisions = 500;

    // A document per revision: a hundred thousand of them is already far more than anyone reads back.
    public const int UpperBound = 100_000;

    /// <summary>Reads the setting; a value out of range stops the start with the key to fix.</summary>
    public static HistoryOptions FromConfiguration(IConfiguration configuration)
    {
        var text = configuration[MaxRevisionsKey];
        var max = DefaultMaxRevisions;
        if (!string.IsNullOrWhiteSpace(text)
            && (!int.TryParse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture, out max) || max is < 1 or > UpperBound))
        {
            throw new InvalidOperationException(
                $"{MaxRevisionsKey} is '{text}'; use a whole number of revisions from 1 to {UpperBound} (default {DefaultMaxRevisions}).");
        }

        return new HistoryOptions(max);
    }
}
