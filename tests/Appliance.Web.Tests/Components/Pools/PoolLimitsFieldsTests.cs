using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Pools;
using Bunit;

namespace Appliance.Web.Tests.Components.Pools;

public sealed class PoolLimitsFieldsTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>
{
    [Fact]
    public async Task A_cap_and_a_queue_switched_on_in_the_form_are_saved_through_the_store()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("capped");
        PoolSpec? saved = null;
        var form = Render<PoolForm>(p => p.Add(f => f.Saved, (PoolSpec pool) => saved = pool));

        form.Find("#pool-name").Change(name);
        form.Find("#backend-0-address").Change("http://127.0.0.1:9001");
        OpenSection(form);
        Switch(form, "Cap concurrent requests").Change(true);
        form.WaitForElement("#pool-max-concurrent").Change("5");
        Switch(form, "Queue beyond the cap").Change(true);
        form.WaitForElement("#pool-queue-length").Change("20");
        form.Find("#pool-queue-timeout").Change("3");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        var stored = await Database.Store.Pools.GetAsync(name);
        Assert.Equal(5, stored!.MaxConcurrentRequests);
        Assert.Equal(new PoolQueueSpec { Length = 20, TimeoutSeconds = 3 }, stored.Queue);
    }

    [Fact]
    public async Task Limits_out_of_range_get_the_stores_messages_next_to_the_fields_and_nothing_is_saved()
    {
        var name = UniqueName("limits");
        var pool = new PoolSpec { Name = name, MaxConcurrentRequests = 2, Queue = new PoolQueueSpec { Length = 10, TimeoutSeconds = 5 }, Backends = [] };
        await Database.Store.Pools.CreateAsync(pool, "test");
        await SignInAsync();
        RenderPopoverHost();
        var form = Render<PoolForm>(p => p.Add(f => f.Pool, pool));

        // A stored cap opens the section by itself.
        form.Find("#pool-max-concurrent").Change("0");
        form.Find("#pool-queue-length").Change("10001");
        form.Find("#pool-queue-timeout").Change("301");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() =>
        {
            var section = form.Find("[data-testid=pool-limits]").TextContent;
            Assert.Contains("The cap must be at least 1 request", section);
            Assert.Contains("The queue length must be between 0 and 10000.", section);
            Assert.Contains("The queue timeout must be between 1 and 300 seconds.", section);
        });
        Assert.Equal(pool.Queue, (await Database.Store.Pools.GetAsync(name))!.Queue);
    }

    [Fact]
    public async Task Switching_the_cap_off_drops_the_queue_and_keeps_the_rest_of_the_pool()
    {
        var name = UniqueName("uncap");
        var pool = new PoolSpec
        {
            Name = name,
            HealthCheck = new HealthCheckSpec { Path = "/up" },
            MaxConcurrentRequests = 2,
            Queue = new PoolQueueSpec { Length = 10, TimeoutSeconds = 5 },
            Backends = [new BackendSpec { Address = "http://127.0.0.1:9003", Weight = 4 }],
        };
        await Database.Store.Pools.CreateAsync(pool, "test");
        await SignInAsync();
        RenderPopoverHost();
        PoolSpec? saved = null;
        var form = Render<PoolForm>(p => p.Add(f => f.Pool, pool).Add(f => f.Saved, (PoolSpec p) => saved = p));

        Switch(form, "Cap concurrent requests").Change(false);
        Assert.Empty(form.FindAll("#pool-queue-length"));
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        var stored = await Database.Store.Pools.GetAsync(name);
        Assert.Equal(pool with { MaxConcurrentRequests = null, Queue = null }, stored! with { Backends = pool.Backends });
        Assert.Equal(4, Assert.Single(stored.Backends).Weight);
    }

    [Fact]
    public void The_pools_table_shows_a_cap_and_its_queue()
    {
        var table = Render<PoolLimitsSummary>(p => p.Add(s => s.Pool, new PoolSpec { Name = "p", MaxConcurrentRequests = 8, Queue = new PoolQueueSpec { Length = 30, TimeoutSeconds = 4 } }));
        var bare = Render<PoolLimitsSummary>(p => p.Add(s => s.Pool, new PoolSpec { Name = "q" }));

        Assert.Equal("at most 8 at once, 30 queued up to 4 s", table.Find("[data-pool-cap=p]").TextContent.Trim());
        Assert.Empty(bare.FindAll("[data-testid=pool-cap]"));
    }

    private static void OpenSection(IRenderedComponent<PoolForm> form)
    {
        // A folded panel renders no fields; its header opens it as a click would.
        if (form.FindAll("[data-testid=pool-limits] input").Count == 0)
        {
            form.Find("[data-testid=pool-limits] .mud-expand-panel-header").Click();
        }

        form.WaitForAssertion(() => Switch(form, "Cap concurrent requests"));
    }

    private static AngleSharp.Dom.IElement Switch(IRenderedComponent<PoolForm> form, string label) =>
        form.FindComponents<MudBlazor.MudSwitch<bool>>().Single(s => s.Instance.Label == label).Find("input");
}
