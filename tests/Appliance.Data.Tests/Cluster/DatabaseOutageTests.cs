using System.Net.Sockets;
using Appliance.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Appliance.Data.Tests.Cluster;

/// <summary>Only a database out of reach is an outage (503); what the database refused is not.</summary>
public sealed class DatabaseOutageTests
{
    public static TheoryData<string, Exception, bool> Cases => new()
    {
        { "connection refused", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), true },
        { "wrapped by EF", new DbUpdateException("save failed", new NpgsqlException("Exception while reading from stream", new EndOfStreamException())), true },
        { "a bare socket error", new InvalidOperationException("transient", new SocketException((int)SocketError.TimedOut)), true },
        { "a timeout", new TimeoutException(), true },
        { "server shutting down", new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown), true },
        { "server starting", new PostgresException("the database system is starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow), true },
        { "a unique violation", new DbUpdateException("save failed", new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)), false },
        { "a serialization failure", new PostgresException("could not serialize", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure), false },
        { "a bug", new InvalidOperationException("Sequence contains no elements"), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Only_a_database_out_of_reach_counts_as_an_outage(string what, Exception exception, bool outage) =>
        Assert.True(DatabaseOutage.IsCause(exception) == outage, what);
}
