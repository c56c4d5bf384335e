using AngleSharp.Dom;
using Appliance.Data.History;
using Appliance.Data.Model;
using Appliance.Web.Components.Pages.History;
using Bunit;
using MudBlazor;

namespace Appliance.Web.Tests.Components.History;

public sealed class HistoryPageTests : FormContext, IClassFixture<ConfigDatabase>
{
    public HistoryPageTests(ConfigDatabase database)
        : base(database) => Services.AddSingleton(database.Services.GetRequiredService<ConfigHistory>());

    [Fact]
    public async Task The_list_pages_back_and_a_viewer_sees_no_restore()
    {
        for (var i = 0; i < 27; i++)
        {
            Assert.True((await Database.Store.Pools.CreateAsync(new PoolSpec { Name = UniqueName("paged") }, "pager")).Succeeded);
        }

        var current = await Database.Store.GetRevisionAsync();
        await SignInAsync("history-viewer", ApplianceRoles.Viewer);
        var page = Render<HistoryPage>();

        page.WaitForAssertion(() => Assert.Equal(current.ToString(), Revisions(page)[0]));
        Assert.Equal(25, Revisions(page).Count);
        Assert.Contains("pool 'paged-", page.Find("[data-testid=revisions]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("button[aria-label^='Restore revision']"));
        Assert.True(page.Find("[data-testid=newer]").HasAttribute("disabled"));

        page.Find("[data-testid=older]").Click();

        page.WaitForAssertion(() => Assert.Equal((current - 25).ToString(), Revisions(page)[0]));
        page.Find("[data-testid=newer]").Click();
        page.WaitForAssertion(() => Assert.Equal(current.ToString(), Revisions(page)[0]));
    }

    [Fact]
    public async Task Two_ticked_revisions_show_objects_added_removed_and_changed_with_the_changed_lines()
    {
        var (pool, gone, route) = (UniqueName("diffed"), UniqueName("gone"), UniqueName("diffed"));
        Assert.True((await Database.Store.Pools.CreateAsync(new PoolSpec { Name = pool }, "t")).Succeeded);
        Assert.True((await Database.Store.Pools.CreateAsync(new PoolSpec { Name = gone }, "t")).Succeeded);
        Assert.True((await Database.Store.Routes.CreateAsync(new RouteSpec { Name = route, Path = "/before", Targets = [new TargetSpec { Pool = pool }] }, "t")).Succeeded);
        var from = await Database.Store.GetRevisionAsync();
        Assert.True((await Database.Store.Routes.UpdateAsync(route, new RouteSpec { Name = route, Path = "/after", Targets = [new TargetSpec { Pool = pool }] }, "t")).Succeeded);
        Assert.True((await Database.Store.Pools.DeleteAsync(gone, "t")).Succeeded);
        var to = await Database.Store.GetRevisionAsync();
        await SignInAsync();
        var page = Render<HistoryPage>();
        page.WaitForAssertion(() => Assert.Equal(to.ToString(), Revisions(page)[0]));

        Tick(page, to);
        Tick(page, from);

        page.WaitForAssertion(() => Assert.Contains($"From revision {from} to revision {to}", page.Find("[data-testid=history-diff]").TextContent));
        Assert.Equal("− removed " + gone, page.Find($"[data-diff-removed='{gone}']").TextContent.Trim());
        var path = page.Find($"[data-diff-changed='{route}'] [data-diff-field='path']").TextContent;
        Assert.Contains("\"/before\"", path, StringComparison.Ordinal);
        Assert.Contains("\"/after\"", path, StringComparison.Ordinal);
        var lines = page.Find("[data-testid=diff-lines]").TextContent;
        Assert.Contains("-      \"path\": \"/before\",", lines, StringComparison.Ordinal);
        Assert.Contains("+      \"path\": \"/after\",", lines, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_asks_first_with_what_changes_against_now_and_says_how_it_went()
    {
        var (kept, later) = (UniqueName("kept"), UniqueName("later"));
        Assert.True((await Database.Store.Pools.CreateAsync(new PoolSpec { Name = kept }, "t")).Succeeded);
        var revision = await Database.Store.GetRevisionAsync();
        Assert.True((await Database.Store.Pools.CreateAsync(new PoolSpec { Name = later }, "t")).Succeeded);
        await SignInAsync();
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        var page = Render<HistoryPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"button[aria-label='Restore revision {revision}']")));

        page.Find($"button[aria-label='Restore revision {revision}']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains($"Restore revision {revision}", dialogs.Find("[data-testid=restore-question]").TextContent));
        Assert.Equal("− removed " + later, dialogs.Find($"[data-diff-removed='{later}']").TextContent.Trim());
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=restore-question]")));
        Assert.NotNull(await Database.Store.Pools.GetAsync(later));

        page.Find($"button[aria-label='Restore revision {revision}']").Click();
        dialogs.WaitForElement("[data-testid=confirm-restore]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains($"Revision {revision} restored as revision {revision + 2}.", snackbars.Markup));
        Assert.Null(await Database.Store.Pools.GetAsync(later));
        Assert.NotNull(await Database.Store.Pools.GetAsync(kept));
        page.WaitForAssertion(() => Assert.Equal((revision + 2).ToString(), Revisions(page)[0]));
        Assert.Contains($"restore of revision {revision}", page.Find("[data-testid=revisions]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restore_that_lost_a_race_is_refused_with_the_reason()
    {
        var name = UniqueName("raced");
        Assert.True((await Database.Store.Pools.CreateAsync(new PoolSpec { Name = name }, "t")).Succeeded);
        var revision = await Database.Store.GetRevisionAsync();
        Assert.True((await Database.Store.Pools.CreateAsync(new PoolSpec { Name = UniqueName("first") }, "t")).Succeeded);
        await SignInAsync();
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        var page = Render<HistoryPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"button[aria-label='Restore revision {revision}']")));

        page.Find($"button[aria-label='Restore revision {revision}']").Click();
        var confirm = dialogs.WaitForElement("[data-testid=confirm-restore]");
        Assert.True((await Database.Store.Pools.CreateAsync(new PoolSpec { Name = UniqueName("meanwhile") }, "t")).Succeeded);
        var moved = await Database.Store.GetRevisionAsync();
        confirm.Click();

        snackbars.WaitForAssertion(() => Assert.Contains($"The configuration is at revision {moved}", snackbars.Markup));
        Assert.Equal(moved, await Database.Store.GetRevisionAsync());
    }

    private static List<string> Revisions(IRenderedComponent<HistoryPage> page) =>
        page.FindAll("td[data-revision]").Select(td => td.GetAttribute("data-revision")!).ToList();

    private static void Tick(IRenderedComponent<HistoryPage> page, long number)
    {
        var box = page.Find($"[data-pick='{number}']");
        (box.TagName == "INPUT" ? box : box.QuerySelector("input")!).Change(true);
    }
}
