using System.Collections.Frozen;
using Appliance.Data.Model;
using Appliance.Engine.Configuration;
using Appliance.Engine.Streams;
using Appliance.Web.Components.Pages.Dashboard;
using Bunit;
using MudBlazor.Services;

namespace Appliance.Web.Tests.Components.Dashboard;

public sealed class StreamsSectionTests : BunitContext, IAsyncLifetime
{
    private readonly SnapshotStore _snapshots = new();
    private readonly StreamStates _states = new();

    public StreamsSectionTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(new StreamStatusReader(_snapshots, _states));
    }

    [Fact]
    public void Each_stream_shows_its_listener_with_the_reason_it_failed_and_its_figures()
    {
        Serve(new StreamSpec { Name = "pg", ListenPort = 15432, Pool = "db" }, new StreamSpec { Name = "tls", SniHosts = ["db.example.com"], Pool = "db" });
        var pg = _states.For("pg");
        (pg.Listener, pg.ListenerError) = (StreamListenerStates.Failed, "the port is in use by another program");
        _states.For("tls").Listener = StreamListenerStates.Passthrough;
        Assert.True(_states.For("tls").TryOpen(10));
        _states.For("tls").AddIn(2048);

        var section = Render<StreamsSection>();

        var row = section.Find("[data-stream='pg']");
        Assert.Contains("port 15432", row.TextContent);
        Assert.Equal(StreamListenerStates.Failed, row.QuerySelector("[data-listener]")!.GetAttribute("data-listener"));
        Assert.Contains("the port is in use by another program", row.TextContent);
        var tls = section.Find("[data-stream='tls']");
        Assert.Contains("SNI db.example.com", tls.TextContent);
        Assert.Equal("1", tls.QuerySelector("[data-open]")!.GetAttribute("data-open"));
        Assert.Contains("2 KiB", tls.TextContent);
    }

    [Fact]
    public void Without_streams_the_section_shows_nothing() => Assert.Empty(Render<StreamsSection>().FindAll("[data-testid=streams]"));

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable.
    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private void Serve(params StreamSpec[] streams)
    {
        var parts = new SnapshotParts();
        new StreamsPlanCompiler().Compile(new ConfigDocument { Pools = [], Routes = [], Streams = streams }, parts);
        _snapshots.Swap(new ProxySnapshot(1, [], [], [], FrozenDictionary<string, RoutePlan>.Empty, parts: parts));
    }
}
