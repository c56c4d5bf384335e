using System.Globalization;
using Microsoft.Extensions.Options;

namespace Appliance.Data.Cluster;

/// <summary>Refuses a poll interval out of range at start, naming the key and the range.</summary>
internal sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options) =>
        options.PollSeconds is < 1 or > ClusterOptions.MaxPollSeconds
            ? ValidateOptionsResult.Fail(string.Create(
                CultureInfo.InvariantCulture,
                $"{ClusterOptions.PollSecondsKey} is '{options.PollSeconds}'; use whole seconds from 1 to {ClusterOptions.MaxPollSeconds} (default {ClusterOptions.DefaultPollSeconds})."))
            : ValidateOptionsResult.Success;
}
