using Microsoft.Extensions.Configuration;

namespace Appliance.Data.Providers;

/// <summary><c>Appliance:Database:Provider</c> and <c>Appliance:Database:ConnectionString</c>, checked at start.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string? ConnectionString)
{
    public const string ProviderKey = "Appliance:Database:Provider";
    public const string ConnectionStringKey = "Appliance:Database:ConnectionString";

    /// <summary>Reads the settings; a misspelt provider or a Postgres without its connection string stops the start with the key to fix.</summary>
    public static DatabaseOptions FromConfiguration(IConfiguration configuration)
    {
        var providerText = configuration[ProviderKey];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText)
            && (!Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider)))
        {
            throw new InvalidOperationException($"{ProviderKey} is '{providerText}'; use Sqlite (one node, the default) or Postgres (several nodes).");
        }

        var connectionString = configuration[ConnectionStringKey];
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{ProviderKey} is Postgres but {ConnectionStringKey} is empty; give it, e.g. Host=db.internal;Database=appliance;Username=appliance;Password=...");
        }

        return new DatabaseOptions(provider, provider == DatabaseProvider.Postgres ? connectionString : null);
    }

    /// <summary>
    /// True when other nodes may share the database (PostgreSQL): the one thing features ask of the
    /// provider, so that none compares providers itself.
    /// </summary>
    public bool IsShared => Provider == DatabaseProvider.Postgres;

    // The connection string may carry a password: never print it.
    public override string ToString() => Provider.ToString();
}
