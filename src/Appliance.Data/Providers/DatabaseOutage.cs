using System.Net.Sockets;
using Npgsql;

namespace Appliance.Data.Providers;

/// <summary>
/// Tells a database that cannot be reached (refused or dropped connections, timeouts, a server
/// shutting down) from errors in what was asked of it: the first is an outage the node rides out,
/// the second a bug or a refusal.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>True when <paramref name="exception"/>, or one it wraps, says the database is out of reach.</summary>
    public static bool IsCause(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // A server error is an outage only when it is about the connection: class 08, or
                // the server shutting down, starting up or out of connections.
                case PostgresException server:
                    return server.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || server.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections;
                // Raised by Npgsql itself: connecting, reading, writing, or waiting too long.
                case NpgsqlException:
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
