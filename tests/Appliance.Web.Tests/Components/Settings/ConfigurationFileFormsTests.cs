using System.Text;
using System.Text.Json;
using Appliance.Data.Model;
using Appliance.Data.Store;
using Appliance.Web.Components.Pages.Settings.Backup;
using Appliance.Web.Components.Pages.Settings.ConfigurationFile;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;

namespace Appliance.Web.Tests.Components.Settings;

/// <summary>
/// The configuration export and import on the Settings page: the file is the API's export, and an
/// import goes through the one write path, all or nothing, with the API's messages by place.
/// </summary>
public sealed class ConfigurationFileFormsTests : FormContext, IClassFixture<ConfigDatabase>
{
    private byte[]? _downloaded;

    public ConfigurationFileFormsTests(ConfigDatabase database)
        : base(database)
    {
        Services.AddSingleton(TimeProvider.System);

        // The browser's side of the download: the bytes the circuit streams to it.
        JSInterop.SetupVoid(DownloadBackupForm.DownloadFunction, invocation =>
        {
            using var buffer = new MemoryStream();
            ((DotNetStreamReference)invocation.Arguments[1]!).Stream.CopyTo(buffer);
            _downloaded = buffer.ToArray();
            return true;
        }).SetVoidResult();
    }

    [Fact]
    public async Task The_download_is_the_export_and_importing_it_back_leaves_the_configuration_as_it_was()
    {
        await SignInAsync();
        RenderPopoverHost();
        var pool = UniqueName("web");
        await CreatedAsync(Database.Store.Pools.CreateAsync(new PoolSpec { Name = pool, LoadBalancing = LoadBalancingPolicyNames.FirstAvailable, Backends = [new BackendSpec { Address = "http://127.0.0.1:9001", Weight = 4 }] }, "test"));
        await CreatedAsync(Database.Store.Routes.CreateAsync(new RouteSpec { Name = UniqueName("site"), Methods = ["TRACE"], Targets = [new TargetSpec { Pool = pool }] }, "test"));
        await CreatedAsync(Database.Store.AccessLists.CreateAsync(new AccessListSpec { Name = UniqueName("staff"), BasicAuthUsers = [new BasicAuthUserSpec { User = "alice", Password = "alice-password-1" }] }, "test"));
        var before = ConfigJson.Serialize(await Database.Store.ExportAsync());
        var revision = await Database.Store.GetRevisionAsync();

        var export = Render<ExportConfigurationForm>();
        export.Find("[data-testid=export-download]").Click();
        export.WaitForAssertion(() => Assert.NotNull(_downloaded));
        Assert.Matches(@"^appliance-config-\d{4}-\d{2}-\d{2}\.json$", (string)JSInterop.VerifyInvoke(DownloadBackupForm.DownloadFunction).Arguments[0]!);
        Assert.Equal(before, ConfigJson.Serialize(ConfigJson.Deserialize<ConfigDocument>(Encoding.UTF8.GetString(_downloaded!))));

        var import = Render<ImportConfigurationForm>();
        import.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(_downloaded!, "appliance-config.json"));
        import.Find("[data-testid=import-form] input[type=checkbox]").Change(true);
        import.Find("[data-testid=import]").Click();

        import.WaitForAssertion(() => Assert.Contains("Imported 1 pool(s), 1 route(s)", import.Find("[data-testid=import-done]").TextContent));
        Assert.Equal(before, ConfigJson.Serialize(await Database.Store.ExportAsync()));
        Assert.Equal(revision + 1, await Database.Store.GetRevisionAsync());

        // The file had no password: the stored hash was kept, as the API's import keeps it.
        var staff = (await Database.Store.AccessLists.ListAsync()).Single().BasicAuthUsers.Single();
        Assert.True(Appliance.Data.Passwords.PasswordHashes.Verify(staff.PasswordHash!, "alice-password-1").Matches);
    }

    [Fact]
    public async Task A_refused_document_lists_the_stores_messages_by_place_and_changes_nothing()
    {
        await SignInAsync();
        RenderPopoverHost();
        var before = ConfigJson.Serialize(await Database.Store.ExportAsync());
        var revision = await Database.Store.GetRevisionAsync();
        var import = Render<ImportConfigurationForm>();

        await ImportAsync(import, """{"pools": [{"name": "bad", "backends": [{"address": "not a url"}]}], "routes": [{"name": "orphan", "targets": [{"pool": "missing"}]}]}""");

        import.WaitForAssertion(() => Assert.Contains("nothing was changed", import.Find("[data-testid=import-error]").TextContent));
        Assert.NotEmpty(import.FindAll("[data-field='pools[0].backends[0].address']"));
        Assert.Contains("routes[0].targets[0].pool: There is no pool named 'missing'.", Normalized(import.Find("[data-field='routes[0].targets[0].pool']").TextContent));
        Assert.Empty(import.FindAll("[data-testid=import-done]"));
        Assert.Equal(before, ConfigJson.Serialize(await Database.Store.ExportAsync()));
        Assert.Equal(revision, await Database.Store.GetRevisionAsync());
    }

    [Theory]
    [InlineData("""{"pools": [{"name": "x", "wieght": 1}], "routes": []}""", "pools[0].wieght", "Unknown member (line 1, position")]
    [InlineData("""{"pools": []}""", "routes", "Required: routes.")]
    [InlineData("""{"pools": [""", "file", "The file is not valid JSON")]
    public async Task A_file_that_does_not_read_as_a_configuration_is_named_as_the_API_names_it(string json, string field, string message)
    {
        await SignInAsync();
        RenderPopoverHost();
        var revision = await Database.Store.GetRevisionAsync();
        var import = Render<ImportConfigurationForm>();

        await ImportAsync(import, json);

        import.WaitForAssertion(() => Assert.Contains(message, import.Find($"[data-field='{field}']").TextContent));
        Assert.Equal(revision, await Database.Store.GetRevisionAsync());
    }

    [Fact]
    public async Task Without_a_file_or_the_confirmation_nothing_is_read_or_changed()
    {
        await SignInAsync();
        RenderPopoverHost();
        var revision = await Database.Store.GetRevisionAsync();
        var import = Render<ImportConfigurationForm>();

        import.Find("[data-testid=import]").Click();
        import.WaitForAssertion(() => Assert.Equal("Choose a configuration file.", Normalized(import.Find("[data-field='file']").TextContent)));

        import.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("""{"pools": [], "routes": []}""", "empty.json"));
        import.Find("[data-testid=import]").Click();
        import.WaitForAssertion(() => Assert.Contains("Confirm that the import replaces the whole configuration.", import.Find("[data-field='confirm']").TextContent));
        Assert.Equal(revision, await Database.Store.GetRevisionAsync());
    }

    [Fact]
    public async Task A_viewer_downloads_the_configuration_but_gets_no_import_form()
    {
        await SignInAsync(UniqueName("viewer"), ApplianceRoles.Viewer);
        RenderPopoverHost();

        var section = Render<ConfigurationFileSection>();

        Assert.Single(section.FindAll("[data-testid=export-form]"));
        Assert.Empty(section.FindAll("[data-testid=import-form]"));
        Assert.Contains("Only Admins import a configuration", section.Find("[data-testid=import-admins-only]").TextContent);
    }

    private static async Task ImportAsync(IRenderedComponent<ImportConfigurationForm> import, string json)
    {
        await import.InvokeAsync(() => import.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(json, "config.json")));
        import.Find("[data-testid=import-form] input[type=checkbox]").Change(true);
        import.Find("[data-testid=import]").Click();
    }

    private static string Normalized(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static async Task CreatedAsync<T>(Task<StoreResult<T>> create)
    {
        var result = await create;
        Assert.True(result.Succeeded, $"{result.Detail} {string.Join(" ", result.Errors.SelectMany(e => e.Value))}");
    }
}
