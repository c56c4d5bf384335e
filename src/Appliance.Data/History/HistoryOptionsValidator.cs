using System.Globalization;
using Microsoft.Extensions.Options;

namespace Appliance.Data.History;

/// <summary>Refuses a history bound out of range at start, naming the key and the range.</summary>
internal sealed class HistoryOptionsValidator : IValidateOptions<HistoryOptions>
{
    public ValidateOptionsResult Validate(string? name, HistoryOptions options) =>
        options.MaxRevisions is < 1 or > HistoryOptions.UpperBound
            ? ValidateOptionsResult.Fail(string.Create(
                CultureInfo.InvariantCulture,
                $"{HistoryOptions.MaxRevisionsKey} is '{options.MaxRevisions}'; use a whole number of revisions from 1 to {HistoryOptions.UpperBound} (default {HistoryOptions.DefaultMaxRevisions})."))
            : ValidateOptionsResult.Success;
}
