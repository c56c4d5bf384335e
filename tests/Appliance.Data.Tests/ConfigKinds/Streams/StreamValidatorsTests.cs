using Appliance.Data.ConfigKinds.Streams;
using Appliance.Data.Model;
using Appliance.Data.Validation;

namespace Appliance.Data.Tests.ConfigKinds.Streams;

/// <summary>Where a stream takes connections, checked against the rest of the document and the appliance's own ports.</summary>
public sealed class StreamValidatorsTests
{
    private static readonly ConfigDocument Document = new()
    {
        Pools = [new PoolSpec { Name = "db" }],
        Routes = [new RouteSpec { Name = "site", Hosts = ["www.example.com", "app.example.com:8443"], Targets = [new TargetSpec { Pool = "db", Weight = 1 }] }],
        AccessLists = [new AccessListSpec { Name = "office" }, new AccessListSpec { Name = "asks", BasicAuthUsers = [new BasicAuthUserSpec { User = "u", PasswordHash = "x" }] }],
        Streams = [new StreamSpec { Name = "pg", ListenPort = 15432, Pool = "db" }, new StreamSpec { Name = "tls", SniHosts = ["db.example.com"], Pool = "db" }],
    };

    private static readonly ConfigValidationContext Context = DocumentValidator.ContextFor(Document, reservedPorts: new Dictionary<int, string> { [8080] = "the data plane's HTTP port" });

    private static IDictionary<string, string[]> Errors(StreamSpec stream) =>
        new StreamKind().Validators.Select(v => ValidatorRun.Errors(v, stream, Context)).SelectMany(e => e).ToDictionary(e => e.Key, e => e.Value);

    [Fact]
    public void A_stream_with_its_own_free_port_and_an_existing_pool_is_valid() =>
        Assert.Empty(Errors(new StreamSpec { Name = "redis", ListenPort = 16379, Pool = "db", AccessList = "office" }));

    [Theory]
    [InlineData(8080, "the data plane's HTTP port")]
    [InlineData(15432, "taken by stream 'pg'")]
    [InlineData(0, "between 1 and 65535")]
    public void A_port_of_the_appliance_or_of_another_stream_is_refused(int port, string message) =>
        Assert.Contains(Errors(new StreamSpec { Name = "other", ListenPort = port, Pool = "db" })["listenPort"], m => m.Contains(message, StringComparison.Ordinal));

    [Fact]
    public void The_stream_itself_keeps_its_port_when_edited() =>
        Assert.Empty(Errors(new StreamSpec { Name = "pg", ListenPort = 15432, Pool = "db", MaxConnections = 5 }));

    [Theory]
    [InlineData("www.example.com", "host of route 'site'")]
    [InlineData("app.example.com", "host of route 'site'")]
    [InlineData("*.example.com", "host of route 'site'")]
    [InlineData("db.example.com", "SNI host of stream 'tls'")]
    [InlineData("-bad-.example.com", "not a host name")]
    public void An_SNI_host_a_route_or_another_stream_has_is_refused(string host, string message) =>
        Assert.Contains(Errors(new StreamSpec { Name = "other", SniHosts = [host], Pool = "db" })["sniHosts[0]"], m => m.Contains(message, StringComparison.Ordinal));

    [Fact]
    public void A_wildcard_route_leaves_an_exact_passthrough_name_alone()
    {
        var context = DocumentValidator.ContextFor(Document with { Routes = [new RouteSpec { Name = "any", Hosts = ["*.example.org"], Targets = [new TargetSpec { Pool = "db", Weight = 1 }] }] });
        var errors = new ValidationErrors();
        new StreamSniHostsValidator().Validate(new StreamSpec { Name = "x", SniHosts = ["db.example.org"], Pool = "db" }, context, errors);
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void Exactly_one_of_a_port_and_SNI_hosts()
    {
        Assert.Contains("listenPort", Errors(new StreamSpec { Name = "neither", Pool = "db" }).Keys);
        Assert.Contains(Errors(new StreamSpec { Name = "both", ListenPort = 16000, SniHosts = ["x.example.net"], Pool = "db" })["listenPort"], m => m.Contains("not both", StringComparison.Ordinal));
    }

    [Fact]
    public void The_pool_must_exist_and_the_access_list_must_decide_by_address_alone()
    {
        var errors = Errors(new StreamSpec { Name = "refs", ListenPort = 16001, Pool = "nope", AccessList = "asks" });
        Assert.Contains(errors["pool"], m => m.Contains("no pool named 'nope'", StringComparison.Ordinal));
        Assert.Contains(errors["accessList"], m => m.Contains("basic authentication", StringComparison.Ordinal));
    }

    [Fact]
    public void Limits_have_sensible_ranges() =>
        Assert.Equal(
            ["connectTimeoutSeconds", "idleTimeoutSeconds", "maxConnections"],
            Errors(new StreamSpec { Name = "limits", ListenPort = 16002, Pool = "db", MaxConnections = 0, IdleTimeoutSeconds = 86_401, ConnectTimeoutSeconds = 0 }).Keys.Order());
}
