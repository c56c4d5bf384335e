using Appliance.Data.Model;
using Appliance.Data.Users;
using Appliance.Web.Components.Pages.Pools;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace Appliance.Web.Tests.Components.Pools;

public sealed class PoolFormTests(ConfigDatabase database) : FormContext(database), IClassFixture<ConfigDatabase>
{
    [Fact]
    public async Task Renders_the_policy_health_check_and_backend_fields()
    {
        await SignInAsync();
        RenderPopoverHost();
        var form = Render<PoolForm>();

        Assert.NotNull(form.Find("#pool-name"));
        Assert.NotNull(form.Find("#health-path"));
        Assert.NotNull(form.Find("#backend-0-address"));
        Assert.NotNull(form.Find("#backend-0-weight"));
        Assert.Contains(LoadBalancingPolicyNames.RoundRobin, form.Find("[data-testid=pool-form]").InnerHtml);
        Assert.NotNull(form.Find("[data-testid=save]"));
    }

    [Fact]
    public async Task A_bad_address_and_weight_0_get_the_stores_messages_next_to_the_fields_and_nothing_is_saved()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("bad");
        var form = Render<PoolForm>();

        form.Find("#pool-name").Change(name);
        form.Find("#backend-0-address").Change("not a url");
        form.Find("#backend-0-weight").Change("0");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() =>
        {
            var row = form.Find("[data-backend-row='0']").TextContent;
            Assert.Contains("'not a url' is not an absolute http:// or https:// URL.", row);
            Assert.Contains("Weight must be between 1 and 100.", row);
        });
        Assert.Contains("nothing was changed", form.Find("[data-testid=form-error]").TextContent);
        Assert.Null(await Database.Store.Pools.GetAsync(name));
    }

    [Fact]
    public async Task A_duplicate_name_is_refused_next_to_the_name()
    {
        var name = UniqueName("dup");
        await Database.Store.Pools.CreateAsync(new PoolSpec { Name = name, Backends = [new BackendSpec { Address = "http://127.0.0.1:9001" }] }, "test");
        await SignInAsync();
        RenderPopoverHost();
        var form = Render<PoolForm>();

        form.Find("#pool-name").Change(name);
        form.Find("#backend-0-address").Change("http://127.0.0.1:9002");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.Contains($"A pool named '{name}' already exists.", form.Find("[data-testid=pool-form]").TextContent));
        var stored = await Database.Store.Pools.GetAsync(name);
        Assert.Equal("http://127.0.0.1:9001", Assert.Single(stored!.Backends).Address);
    }

    [Fact]
    public async Task Valid_input_is_saved_through_the_store_and_reported_to_the_caller()
    {
        await SignInAsync("alice");
        RenderPopoverHost();
        var name = UniqueName("web");
        PoolSpec? saved = null;
        var form = Render<PoolForm>(p => p.Add(f => f.Saved, (PoolSpec pool) => saved = pool));

        form.Find("#pool-name").Change(name);
        form.Find("#health-path").Change("/healthz");
        form.Find("#backend-0-address").Change("http://127.0.0.1:9001/");
        form.Find("#backend-0-weight").Change("3");
        form.Find("[data-testid=add-backend]").Click();
        form.Find("#backend-1-address").Change("http://127.0.0.1:9002");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        var stored = await Database.Store.Pools.GetAsync(name);
        Assert.NotNull(stored);
        Assert.Equal("/healthz", stored.HealthCheck?.Path);
        Assert.Equal(["http://127.0.0.1:9001", "http://127.0.0.1:9002"], stored.Backends.Select(b => b.Address));
        Assert.Equal([3, 1], stored.Backends.Select(b => b.Weight));
        var audit = await Services.GetRequiredService<Appliance.Data.Store.ConfigStore>().ReadAsync();
        Assert.Contains(audit.Document.Pools, p => p.Name == name);
    }

    [Fact]
    public async Task Editing_keeps_the_name_and_replaces_the_backends()
    {
        var name = UniqueName("edit");
        var original = (await Database.Store.Pools.CreateAsync(new PoolSpec { Name = name, Backends = [new BackendSpec { Address = "http://127.0.0.1:9001" }] }, "test")).Value!;
        await SignInAsync();
        RenderPopoverHost();
        var saved = false;
        var form = Render<PoolForm>(p => p.Add(f => f.Pool, original).Add(f => f.Saved, (PoolSpec _) => saved = true));

        Assert.True(form.Find("#pool-name").HasAttribute("readonly"));
        Assert.Equal("http://127.0.0.1:9001", form.Find("#backend-0-address").GetAttribute("value"));
        form.Find("#backend-0-address").Change("http://127.0.0.1:9005");
        form.Find("[data-testid=save]").Click();

        form.WaitForAssertion(() => Assert.True(saved));
        Assert.Equal("http://127.0.0.1:9005", Assert.Single((await Database.Store.Pools.GetAsync(name))!.Backends).Address);
    }

    [Fact]
    public async Task A_viewer_sees_the_form_read_only_without_save()
    {
        var name = UniqueName("view");
        var pool = (await Database.Store.Pools.CreateAsync(new PoolSpec { Name = name, Backends = [new BackendSpec { Address = "http://127.0.0.1:9001" }] }, "test")).Value!;
        await SignInAsync("victor", ApplianceRoles.Viewer);
        RenderPopoverHost();
        var form = Render<PoolForm>(p => p.Add(f => f.Pool, pool));

        Assert.NotNull(form.Find("[data-testid=read-only]"));
        Assert.Empty(form.FindAll("[data-testid=save]"));
        Assert.Empty(form.FindAll("[data-testid=add-backend]"));
        Assert.All(form.FindAll("input[type=text], input:not([type])"), input => Assert.True(input.HasAttribute("readonly"), input.OuterHtml));
        Assert.True(form.Find("#backend-0-address").HasAttribute("readonly"));
    }

    [Fact]
    public async Task A_form_open_when_its_user_signed_out_saves_nothing_and_leads_to_sign_in()
    {
        await SignInAsync();
        RenderPopoverHost();
        var name = UniqueName("signedout");
        var form = Render<PoolForm>();

        Authorization.SetNotAuthorized();
        form.Find("#pool-name").Change(name);
        form.Find("#backend-0-address").Change("http://127.0.0.1:9001");
        form.Find("[data-testid=save]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        form.WaitForAssertion(() => Assert.Equal("/login", new Uri(navigation.Uri).AbsolutePath));
        Assert.Null(await Database.Store.Pools.GetAsync(name));
    }

    [Fact]
    public async Task A_form_open_when_its_user_was_demoted_saves_nothing()
    {
        await AddAnotherAdminAsync();
        var me = await SignInAsync(UniqueName("demoted"));
        RenderPopoverHost();
        var name = UniqueName("demoted");
        var form = Render<PoolForm>();

        Assert.True((await Database.Users.SetRoleAsync(me.User.Id, ApplianceRoles.Viewer, Editor.Authorized("test"))).Succeeded);
        form.Find("#pool-name").Change(name);
        form.Find("#backend-0-address").Change("http://127.0.0.1:9001");
        form.Find("[data-testid=save]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        form.WaitForAssertion(() => Assert.Equal("/login", new Uri(navigation.Uri).AbsolutePath));
        Assert.Null(await Database.Store.Pools.GetAsync(name));
    }
}
