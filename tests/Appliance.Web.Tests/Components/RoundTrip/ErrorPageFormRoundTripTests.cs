using System.Text.Json.Nodes;
using Appliance.Data.Model;
using Appliance.Web.Components.Pages.ErrorPages;
using Appliance.Web.Tests.Infrastructure;
using Bunit;

namespace Appliance.Web.Tests.Components.RoundTrip;

[Collection(FormRoundTrips.Name)]
public sealed class ErrorPageFormRoundTripTests(ApplianceHost host) : HostedFormContext(host)
{
    [Fact]
    public async Task Saving_a_page_set_through_the_API_unchanged_leaves_its_GET_identical()
    {
        var name = await CreatePageWithEveryFieldAsync();
        var before = await GetJsonAsync($"/api/v1/error-pages/{name}");
        var page = (await Store.ErrorPages.ListAsync()).Single(p => p.Name == name);
        var routes = (await Store.Routes.ListAsync()).Select(r => r.Name).ToArray();
        ErrorPageSpec? saved = null;

        var form = Render<ErrorPageForm>(p => p.Add(f => f.Page, page).Add(f => f.Routes, routes).Add(f => f.Saved, (ErrorPageSpec s) => saved = s));
        form.Find("[data-testid=save-page]").Click();

        form.WaitForAssertion(() => Assert.NotNull(saved));
        Assert.Equal(before, await GetJsonAsync($"/api/v1/error-pages/{name}"));
    }

    [Fact]
    public async Task The_pages_edit_button_opens_the_stored_page_and_a_new_status_changes_only_the_status()
    {
        var name = await CreatePageWithEveryFieldAsync();
        var expected = JsonNode.Parse(await GetJsonAsync($"/api/v1/error-pages/{name}"))!;
        expected["status"] = 504;

        var page = Render<ErrorPagesPage>();
        page.WaitForElement($"button[aria-label='Edit error page {name}']").Click();
        page.WaitForAssertion(() => Assert.Contains($"Edit page {name}", page.Find("[data-testid=error-page-form]").TextContent));
        var status = page.FindComponents<MudBlazor.MudSelect<int>>().Single(s => s.Instance.Label == "Status");
        await page.InvokeAsync(() => status.Instance.ValueChanged.InvokeAsync(504));
        page.Find("[data-testid=save-page]").Click();

        page.WaitForAssertion(() => Assert.Contains("Add a page", page.Find("[data-testid=error-page-form]").TextContent));
        Assert.Equal(expected.ToJsonString(), await GetJsonAsync($"/api/v1/error-pages/{name}"));
    }

    [Fact]
    public async Task A_new_page_from_the_form_is_what_the_API_makes_of_its_name_and_HTML()
    {
        var (fromForm, fromApi) = (UniqueName("form"), UniqueName("api"));
        var form = Render<ErrorPageForm>();
        form.Find("#page-name").Change(fromForm);
        form.Find("[data-testid=save-page]").Click();

        await Eventually.TrueAsync(async () => await Store.ErrorPages.GetAsync(fromForm) is not null, TimeSpan.FromSeconds(10), () => "the form to save: " + form.Markup);

        // One global 503 page at a time: the form's goes before the API's is made.
        var saved = JsonNode.Parse(await GetJsonAsync($"/api/v1/error-pages/{fromForm}"))!;
        await DeleteAsync(fromForm);
        await PostAsync("/api/v1/error-pages", new { name = fromApi, html = ErrorPageFormModel.StarterHtml });
        var posted = JsonNode.Parse(await GetJsonAsync($"/api/v1/error-pages/{fromApi}"))!;
        await DeleteAsync(fromApi);
        saved["name"] = "";
        posted["name"] = "";
        Assert.Equal(posted.ToJsonString(), saved.ToJsonString());
    }

    private async Task DeleteAsync(string name)
    {
        using var response = await Host.Api.DeleteAsync($"/api/v1/error-pages/{name}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    // Every member away from its default, the HTML with line breaks, non-ASCII text and braces.
    private async Task<string> CreatePageWithEveryFieldAsync()
    {
        var (name, route, pool) = (UniqueName("page"), UniqueName("route"), UniqueName("pool"));
        await PostAsync("/api/v1/pools", new { name = pool, backends = new[] { new { address = "http://127.0.0.1:9001" } } });
        await PostAsync("/api/v1/routes", new { name = route, path = $"/{route}", targets = new[] { new { pool } } });
        await PostAsync("/api/v1/error-pages", new { name, status = 429, route, html = "<!doctype html>\r\n<style>p { color: #c00 }</style>\n<p>Zu viele Anfragen – {reason} ({request_id})</p>" });
        return name;
    }
}
