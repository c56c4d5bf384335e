namespace Appliance.Data.Providers;

/// <summary>Where the appliance keeps its state.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded SQLite file in the data directory: one node.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database that several nodes share.</summary>
    Postgres,
}
