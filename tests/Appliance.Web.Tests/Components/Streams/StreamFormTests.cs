using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Streams;
using Bunit;

namespace Appliance.Web.Tests.Components.Streams;

public sealed class StreamFormTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>
{
    private async Task<string> PoolAsync()
    {
        var name = UniqueName("db");
        Assert.True((await Database.Store.Pools.CreateAsync(new PoolSpec { Name = name, Backends = [new BackendSpec { Address = "http://127.0.0.1:5432" }] }, "test")).Succeeded);
        return name;
    }

    [Fact]
    public async Task Out_of_range_fields_get_the_stores_messages_next_to_them_and_nothing_is_saved()
    {
        var pool = await PoolAsync();
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("bad");
        var form = Render<StreamForm>(p => p.Add(f => f.Pools, [pool]));

        form.Find("#stream-name").Change(name);
        form.Find("#stream-port").Change("70000");
        form.Find("#stream-max-connections").Change("0");
        form.Find("#stream-idle-timeout").Change("0");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() =>
        {
            var text = form.Find("[data-testid=stream-form]").TextContent;
            Assert.Contains("The port must be between 1 and 65535.", text);
            Assert.Contains("The connection limit must be between 1 and", text);
            Assert.Contains("The idle timeout must be between 1 second and a day", text);
        });
        Assert.Contains("nothing was changed", form.Find("[data-testid=form-error]").TextContent);
        Assert.Null(await Database.Store.Streams.GetAsync(name));
    }

    [Fact]
    public async Task A_stream_with_its_own_port_is_saved_through_the_store()
    {
        var pool = await PoolAsync();
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("pg");
        StreamSpec? saved = null;
        var form = Render<StreamForm>(p => p.Add(f => f.Pools, [pool]).Add(f => f.Saved, (StreamSpec s) => saved = s));

        form.Find("#stream-name").Change(name);
        form.Find("#stream-port").Change("15432");
        form.Find("#stream-max-connections").Change("50");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        var stored = await Database.Store.Streams.GetAsync(name);
        Assert.Equal(15432, stored!.ListenPort);
        Assert.Equal(pool, stored.Pool);
        Assert.Equal(50, stored.MaxConnections);
        Assert.Empty(stored.SniHosts);
    }

    [Fact]
    public async Task A_passthrough_streams_hosts_are_edited_one_a_line_with_messages_per_host()
    {
        var pool = await PoolAsync();
        var name = UniqueName("tls");
        var original = (await Database.Store.Streams.CreateAsync(new StreamSpec { Name = name, SniHosts = [$"{name}.example.com"], Pool = pool }, "test")).Value!;
        await SignInAsync();
        RenderPopoverHost();
        var saved = false;
        var form = Render<StreamForm>(p => p.Add(f => f.Stream, original).Add(f => f.Pools, [pool]).Add(f => f.Saved, (StreamSpec _) => saved = true));

        Assert.True(form.Find("#stream-name").HasAttribute("readonly"));
        Assert.Empty(form.FindAll("#stream-port"));
        form.Find("#stream-sni-hosts").Change($"{name}.example.com\nbad host");
        form.Find("[data-testid=save]").Click();
        form.WaitForAssertion(() => Assert.Contains("'bad host' is not a host name", form.Find("[data-testid=stream-form]").TextContent));

        form.Find("#stream-sni-hosts").Change($"{name}.example.com\n*.{name}.example.com");
        form.Find("[data-testid=save]").Click();
        form.WaitForAssertion(() => Assert.True(saved));
        Assert.Equal([$"{name}.example.com", $"*.{name}.example.com"], (await Database.Store.Streams.GetAsync(name))!.SniHosts);
    }

    [Fact]
    public async Task Viewers_see_the_form_read_only()
    {
        var pool = await PoolAsync();
        var stream = (await Database.Store.Streams.CreateAsync(new StreamSpec { Name = UniqueName("ro"), ListenPort = 25432, Pool = pool }, "test")).Value!;
        await SignInAsync("viewer", ApplianceRoles.Viewer);
        RenderPopoverHost();
        var form = Render<StreamForm>(p => p.Add(f => f.Stream, stream).Add(f => f.Pools, [pool]));

        Assert.NotNull(form.Find("[data-testid=read-only]"));
        Assert.Empty(form.FindAll("[data-testid=save]"));
    }
}
