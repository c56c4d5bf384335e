using Appliance.Data.Model;
using Appliance.Engine.Configuration;
using Appliance.Engine.Streams;

namespace Appliance.Engine.Tests.Streams;

/// <summary>Which passthrough stream a server name reaches: the exact name, then a wildcard one label up, as certificates are chosen.</summary>
public sealed class StreamsPlanTests
{
    private static readonly StreamsPlan Plan = Compile(
        new StreamSpec { Name = "exact", SniHosts = ["db.example.com"], Pool = "p" },
        new StreamSpec { Name = "wild", SniHosts = ["*.example.com"], Pool = "p" },
        new StreamSpec { Name = "own-port", ListenPort = 15432, Pool = "p" });

    [Theory]
    [InlineData("db.example.com", "exact")]
    [InlineData("DB.Example.Com", "exact")]
    [InlineData("other.example.com", "wild")]
    [InlineData("a.b.example.com", null)]
    [InlineData("example.com", null)]
    [InlineData("db.example.com.evil.test", null)]
    [InlineData("", null)]
    public void A_server_name_reaches_its_stream_or_none(string serverName, string? expected) =>
        Assert.Equal(expected, Plan.ForServerName(serverName)?.Name);

    [Fact]
    public void Streams_with_their_own_port_are_found_by_port_and_never_by_name()
    {
        Assert.True(Plan.HasPassthrough);
        Assert.Equal("own-port", Plan.ByPort[15432].Name);
        Assert.Single(Plan.ByPort);
    }

    [Fact]
    public void A_stream_naming_an_access_list_that_is_missing_fails_closed()
    {
        var plan = Compile(new StreamSpec { Name = "s", ListenPort = 1, Pool = "p", AccessList = "gone" });
        Assert.False(plan.Streams[0].AccessList!.Decide(System.Net.IPAddress.Loopback).Allowed);
    }

    private static StreamsPlan Compile(params StreamSpec[] streams)
    {
        var parts = new SnapshotParts();
        new StreamsPlanCompiler().Compile(new ConfigDocument { Pools = [], Routes = [], Streams = streams }, parts);
        return parts.Get<StreamsPlan>()!;
    }
}
