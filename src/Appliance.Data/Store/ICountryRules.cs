namespace Appliance.Data.Store;

/// <summary>
/// Whether access-list rules may name countries: only when a country database is configured and
/// readable. The engine owns the database (the Data layer knows nothing of its format); the store
/// asks at every write, as it asks <see cref="IReservedPorts"/>, so a database configured or
/// removed at a restart is known at the next change.
/// </summary>
public interface ICountryRules
{
    /// <summary>Null when country rules can be used; otherwise why not, in words for a field message.</summary>
    string? Refusal();
}
