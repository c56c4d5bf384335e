using Appliance.Data.Backup;
using Appliance.Data.Model;
using Appliance.Data.Users;
using Appliance.Web.Components.Pages.Settings.Backup;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;

namespace Appliance.Web.Tests.Components.Backup;

public sealed class BackupFormsTests : FormContext, IClassFixture<ConfigDatabase>
{
    private const string Passphrase = "a passphrase for the form";

    public BackupFormsTests(ConfigDatabase database)
        : base(database)
    {
        Services.AddSingleton(database.Services.GetRequiredService<BackupWriter>());
        Services.AddSingleton(database.Services.GetRequiredService<BackupRestorer>());
    }

    [Fact]
    public async Task Download_refuses_short_or_differing_passphrases_beside_their_fields_and_hands_the_file_to_the_browser()
    {
        await SignInAsync();
        JSInterop.SetupVoid(DownloadBackupForm.DownloadFunction, _ => true).SetVoidResult();
        var form = Render<DownloadBackupForm>();

        form.Find("#backup-passphrase").Input("short");
        Assert.Contains("At least 12 characters (5 so far)", form.Find("[data-testid=backup-form]").TextContent, StringComparison.Ordinal);
        form.Find("#backup-repeat").Change("short");
        form.Find("[data-testid=backup-download]").Click();
        form.WaitForAssertion(() => Assert.Contains("A passphrase of 12 to", form.Find("[data-testid=backup-form]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == DownloadBackupForm.DownloadFunction);

        form.Find("#backup-passphrase").Input(Passphrase);
        form.Find("#backup-repeat").Change(Passphrase + "x");
        form.Find("[data-testid=backup-download]").Click();
        form.WaitForAssertion(() => Assert.Contains("The two passphrases differ.", form.Find("[data-testid=backup-form]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain(JSInterop.Invocations, i => i.Identifier == DownloadBackupForm.DownloadFunction);

        form.Find("#backup-repeat").Change(Passphrase);
        form.Find("[data-testid=backup-download]").Click();
        form.WaitForAssertion(() => Assert.Single(JSInterop.Invocations, i => i.Identifier == DownloadBackupForm.DownloadFunction));
        Assert.Matches(@"^appliance-\d{4}-\d{2}-\d{2}\.backup$", (string)JSInterop.VerifyInvoke(DownloadBackupForm.DownloadFunction).Arguments[0]!);
        form.WaitForAssertion(() => Assert.Contains("was downloaded", form.Find("[data-testid=backup-done]").TextContent, StringComparison.Ordinal));
        Assert.Contains(await Database.Audit.GetLatestAsync(500), e => e.Action == Appliance.Data.Entities.AuditAction.Backup && e.Actor == "ops");
    }

    [Theory]
    [InlineData("aaaaaaaaaaaaaaaa", "Weak")]
    [InlineData("abcdefghijklmnop", "Fair")]
    [InlineData("Three Words Together 42!", "Strong")]
    public void The_strength_hint_advises(string passphrase, string hint) =>
        Assert.StartsWith(hint, PassphraseStrength.Describe(passphrase), StringComparison.Ordinal);

    [Fact]
    public async Task Restore_asks_for_a_file_and_the_confirmation_refuses_a_wrong_passphrase_and_restores_a_good_one()
    {
        var signedIn = await SignInAsync();
        var backup = await Services.GetRequiredService<BackupWriter>().CreateAsync(Passphrase, Editor.Authorized("test"));
        var form = Render<RestoreBackupForm>();

        form.Find("[data-testid=restore]").Click();
        form.WaitForAssertion(() => Assert.Contains("Choose a backup file.", form.Find("[data-testid=restore-file-error]").TextContent, StringComparison.Ordinal));

        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(backup.Value!.Content, "appliance.backup"));
        form.Find("#restore-passphrase").Change(Passphrase + " but wrong");
        form.Find("[data-testid=restore]").Click();
        form.WaitForAssertion(() => Assert.Contains("Confirm that the restore replaces", form.Find("[data-testid=restore-confirm-error]").TextContent, StringComparison.Ordinal));

        form.Find("[data-testid=restore-form] input[type=checkbox]").Change(true);
        form.Find("[data-testid=restore]").Click();
        form.WaitForAssertion(() => Assert.Equal(BackupContainer.Unreadable, form.Find("[data-testid=restore-file-error]").TextContent.Trim()));

        form.Find("#restore-passphrase").Change(Passphrase);
        form.Find("[data-testid=restore]").Click();
        form.WaitForAssertion(() => Assert.Contains("sign in again", form.Find("[data-testid=restore-done]").TextContent, StringComparison.Ordinal));
        Assert.Contains(await Database.Audit.GetLatestAsync(500), e => e.Action == Appliance.Data.Entities.AuditAction.Restore && e.Actor == "ops");
        // Every session ended: the signed-in user now carries a new stamp.
        Assert.NotEqual(signedIn.SecurityStamp, (await Database.Users.FindAsync("ops"))!.SecurityStamp);
    }

    [Fact]
    public void A_viewer_sees_no_backup_controls()
    {
        var authorization = AddAuthorization();
        authorization.SetAuthorized("viewer");
        authorization.SetRoles(ApplianceRoles.Viewer);

        var section = Render<BackupSection>();

        Assert.Empty(section.FindAll("[data-testid=backup-form]"));
        Assert.Empty(section.FindAll("[data-testid=restore-form]"));
        Assert.Contains("Only Admins", section.Find("[data-testid=backup-admins-only]").TextContent, StringComparison.Ordinal);
    }
}
