using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.ConfigKinds.Streams;

/// <summary>A stream's name, its pool and access list (which must exist), and its limits.</summary>
internal sealed class StreamValidator : IConfigValidator<StreamSpec>
{
    public const int MaxConnectionsLimit = 1_000_000;

    public void Validate(StreamSpec stream, ConfigValidationContext context, ValidationErrors errors)
    {
        NameRule.Check(stream.Name, errors);
        if (string.IsNullOrEmpty(stream.Pool))
        {
            errors.Add("pool", "A pool is required: its backends take the connections.");
        }
        else if (context.IsMissing<PoolSpec>(stream.Pool))
        {
            errors.Add("pool", $"There is no pool named '{stream.Pool}'.");
        }

        if (stream.AccessList is { } listName)
        {
            CheckAccessList(listName, context, errors);
        }

        if (stream.MaxConnections is < 1 or > MaxConnectionsLimit)
        {
            errors.Add("maxConnections", $"The connection limit must be between 1 and {MaxConnectionsLimit}.");
        }

        if (stream.IdleTimeoutSeconds is < 1 or > 86_400)
        {
            errors.Add("idleTimeoutSeconds", "The idle timeout must be between 1 second and a day (86400).");
        }

        if (stream.ConnectTimeoutSeconds is < 1 or > 60)
        {
            errors.Add("connectTimeoutSeconds", "The connect timeout must be between 1 and 60 seconds.");
        }
    }

    // A stream decides on the client address alone: it cannot ask a TCP client for a password, and
    // letting such a list through would admit by address those the list meant to ask.
    private static void CheckAccessList(string name, ConfigValidationContext context, ValidationErrors errors)
    {
        if (context.IsMissing<AccessListSpec>(name))
        {
            errors.Add("accessList", $"There is no access list named '{name}'.");
        }
        else if (context.Document?.AccessLists.FirstOrDefault(l => l?.Name == name) is { BasicAuthUsers.Count: > 0 })
        {
            errors.Add("accessList", $"Access list '{name}' asks for basic authentication, which a TCP stream cannot ask for; use a list of address rules only.");
        }
    }
}
