using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Appliance.Data.Counters;

/// <summary>
/// Refuses a Redis setting the client could never use, at start and by its key. The configuration
/// string itself is never repeated in a message: it may carry a password.
/// </summary>
internal sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        var problems = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            problems.AddRange(results.Select(r => r.ErrorMessage ?? "Appliance:Redis is invalid."));
        }

        if (options.IsConfigured)
        {
            try
            {
                if (ConfigurationOptions.Parse(options.Configuration!).EndPoints.Count == 0)
                {
                    problems.Add("Appliance:Redis:Configuration names no server (host:port).");
                }
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or NotSupportedException)
            {
                // The parser's message names the option it did not understand, not its value.
                problems.Add("Appliance:Redis:Configuration is not a valid StackExchange.Redis configuration string: " + ex.Message);
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
