using Appliance.Data.Model;
using Appliance.Web.Components.Pages.Cache;
using Appliance.Web.Tests.Components.RoundTrip;
using Appliance.Web.Tests.Infrastructure;
using Bunit;
using MudBlazor;

namespace Appliance.Web.Tests.Components.Cache;

/// <summary>Cache rules are edited under their row and deleted from it, as pools and routes are; the page reads the cache's figures, so it runs against an appliance.</summary>
[Collection(FormRoundTrips.Name)]
public sealed class CachePageEditInPlaceTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task A_rule_is_edited_under_its_row_and_only_the_match_changes()
    {
        var name = await RuleAsync();
        var expected = System.Text.Json.Nodes.JsonNode.Parse(await GetJsonAsync("/api/v1/cache-rules", name))!;
        expected["match"] = "/assets";
        var page = Render<CachePage>();
        Assert.Contains("Add a rule", page.Find("[data-testid=cache-rule-form]").TextContent);

        page.Find($"button[aria-label='Edit cache rule {name}']").Click();

        // The form opens under the rule's row, and the "add" form steps aside meanwhile.
        Assert.Contains($"Edit rule {name}", page.Find($"[data-editing-cache-rule='{name}'] [data-testid=cache-rule-form]").TextContent);
        Assert.Single(page.FindAll("[data-testid=cache-rule-form]"));
        Assert.Equal("*.css", page.Find("#rule-match").GetAttribute("value"));
        page.Find("#rule-match").Change("/assets");
        page.Find("[data-testid=save-rule]").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("[data-editing-cache-rule]"));
            Assert.Contains("Add a rule", page.Find("[data-testid=cache-rule-form]").TextContent);
            Assert.Equal("/assets", page.Find($"[data-cache-rule='{name}']").ParentElement!.QuerySelector("code")!.TextContent);
        });
        Assert.Equal(expected.ToJsonString(), await GetJsonAsync("/api/v1/cache-rules", name));
    }

    [Fact]
    public async Task Cancel_closes_the_form_under_the_row_and_changes_nothing()
    {
        var name = await RuleAsync();
        var before = await GetJsonAsync("/api/v1/cache-rules", name);
        var page = Render<CachePage>();

        page.Find($"button[aria-label='Edit cache rule {name}']").Click();
        page.Find("#rule-match").Change("/elsewhere");
        page.Find("[data-testid=cancel-rule]").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-editing-cache-rule]")));
        Assert.Contains("Add a rule", page.Find("[data-testid=cache-rule-form]").TextContent);
        Assert.Equal(before, await GetJsonAsync("/api/v1/cache-rules", name));
    }

    [Fact]
    public async Task Delete_asks_first_and_a_rule_deleted_meanwhile_gets_the_stores_message()
    {
        var (kept, gone) = (await RuleAsync(), await RuleAsync());
        var dialogs = Render<MudDialogProvider>();
        var page = Render<CachePage>();

        page.Find($"button[aria-label='Delete cache rule {kept}']").Click();
        await AnswerAsync(dialogs, $"Delete '{kept}'?", "Cancel");
        Assert.NotNull(await Store.CacheRules.GetAsync(kept));

        page.Find($"button[aria-label='Delete cache rule {kept}']").Click();
        await AnswerAsync(dialogs, $"Delete '{kept}'?", "Delete");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll($"[data-cache-rule='{kept}']")));
        Assert.Null(await Store.CacheRules.GetAsync(kept));

        // Another admin deleted it after this page was opened: the refusal says so, as the API's 404 does.
        Assert.True((await Host.Api.DeleteAsync($"/api/v1/cache-rules/{gone}")).IsSuccessStatusCode);
        page.Find($"button[aria-label='Delete cache rule {gone}']").Click();
        await AnswerAsync(dialogs, $"Delete '{gone}'?", "Delete");
        page.WaitForAssertion(() => Assert.Equal($"There is no cache rule named '{gone}'.", page.Find("[data-testid=page-error]").TextContent.Trim()));
        Assert.Empty(page.FindAll($"[data-cache-rule='{gone}']"));
    }

    [Fact]
    public async Task The_add_form_on_the_page_shows_a_taken_name_on_its_name_field_and_replaces_nothing()
    {
        var name = await RuleAsync();
        var before = await GetJsonAsync("/api/v1/cache-rules", name);
        var page = Render<CachePage>();

        page.Find("#rule-name").Change(name);
        page.Find("[data-testid=save-rule]").Click();

        page.WaitForAssertion(() => Assert.Contains($"A cache rule named '{name}' already exists.", page.Find("#rule-name").Closest(".mud-input-control")!.TextContent));
        Assert.Equal(before, await GetJsonAsync("/api/v1/cache-rules", name));
    }

    private static async Task AnswerAsync(IRenderedComponent<MudDialogProvider> dialogs, string question, string answer)
    {
        dialogs.WaitForAssertion(() => Assert.Contains(question, dialogs.Markup));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == answer).Click());
        dialogs.WaitForAssertion(() => Assert.DoesNotContain(question, dialogs.Markup));
    }

    // Away from the defaults, so that a field the form dropped would show.
    private async Task<string> RuleAsync()
    {
        var name = UniqueName("rule");
        await PostAsync("/api/v1/cache-rules", new { name, match = "*.css", mode = CacheModes.DefaultTtl, defaultTtlSeconds = 90, maxObjectBytes = 5000, includeQueryString = false });
        return name;
    }
}
