using Appliance.Data.Bans;

namespace Appliance.Engine.Security.Bans;

/// <summary>What became of an operator's ban or unban: the ban, nothing found, or what is wrong by field.</summary>
public sealed record BanOutcome
{
    public SharedBan? Ban { get; init; }

    /// <summary>An unban found no ban in force on the address.</summary>
    public bool NotFound { get; init; }

    /// <summary>Messages by field (<c>address</c>, <c>seconds</c>, <c>reason</c>); empty when it succeeded.</summary>
    public IDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    public bool Succeeded => Errors.Count == 0 && !NotFound;

    internal static BanOutcome Invalid(string field, string message) => new() { Errors = new Dictionary<string, string[]> { [field] = [message] } };
}
