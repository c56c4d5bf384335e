using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Appliance.Web.Tests.Admin;
using Appliance.Web.Tests.Infrastructure;
using Appliance.Web.Tests.Tls;

namespace Appliance.Web.Tests.Backup;

/// <summary>A backup made on one appliance and restored on another with its own key ring gives the same appliance.</summary>
public sealed class BackupRestoreTests(BackupHosts hosts) : IClassFixture<BackupHosts>
{
    [Fact]
    public void The_backup_is_an_attachment_named_by_its_date()
    {
        Assert.StartsWith("attachment", hosts.ContentDisposition, StringComparison.Ordinal);
        Assert.Matches(@"filename=""?appliance-\d{4}-\d{2}-\d{2}\.backup""?", hosts.ContentDisposition);
        // Encrypted whole: neither the certificate's key nor a password hash shows.
        var text = Encoding.Latin1.GetString(hosts.Backup);
        Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
        Assert.DoesNotContain(BackupHosts.AdminUser, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_restored_appliance_exports_the_same_configuration()
    {
        Assert.Equal(hosts.SourceExport, await BackupHosts.ExportAsync(hosts.Target));
    }

    [Fact]
    public async Task Alert_channel_secrets_come_back_sealed_with_the_new_appliances_key_ring()
    {
        var channels = (await hosts.Target.App.Services.GetRequiredService<Appliance.Data.Store.ConfigStore>().AlertChannels.ListAsync()).ToDictionary(c => c.Name);
        var protector = hosts.Target.App.Services.GetRequiredService<Appliance.Data.Secrets.ConfigSecretProtector>();

        Assert.True(channels["hook"].Webhook!.HasSecret);
        Assert.Equal(BackupHosts.WebhookSecret, protector.Unprotect(channels["hook"].Webhook!.ProtectedSecret!));
        Assert.Equal(BackupHosts.SmtpPassword, protector.Unprotect(channels["mail"].Email!.ProtectedPassword!));
    }

    [Fact]
    public async Task The_data_plane_serves_the_same_certificate_and_routes_at_once()
    {
        var served = await TlsClient.ServedCertificateAsync(hosts.Target.HttpsAddress, BackupHosts.SecureHost);
        Assert.Equal(hosts.SourceThumbprint, served.Thumbprint);

        using var https = TlsClient.CreateHttpsClient(hosts.Target.HttpsAddress);
        using var secure = await https.GetAsync($"https://{BackupHosts.SecureHost}/");
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Equal("web", await secure.Content.ReadAsStringAsync());

        // The basic-auth user came back with its hash: the old password works, a wrong one does not.
        using var proxy = hosts.Target.CreateProxyClient();
        Assert.Equal(HttpStatusCode.OK, (await SendTeamAsync(proxy, BackupHosts.BasicPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendTeamAsync(proxy, "not the password")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendTeamAsync(proxy, password: null)).StatusCode);
    }

    [Fact]
    public async Task Users_sign_in_with_their_passwords_and_tokens_work()
    {
        using var browser = new AdminBrowser(hosts.Target.Api.BaseAddress!);
        using (var wrong = await browser.SubmitAsync("/login", "login", SignInTests.Credentials(BackupHosts.AdminUser, "a wrong passphrase here")))
        {
            Assert.NotEqual(HttpStatusCode.Redirect, wrong.StatusCode);
        }

        using (var signedIn = await browser.SubmitAsync("/login", "login", SignInTests.Credentials(BackupHosts.AdminUser, BackupHosts.AdminPassword)))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
        var preferences = await hosts.Target.App.Services.GetRequiredService<Appliance.Data.Users.Preferences.UserPreferencesStore>().GetAsync(BackupHosts.AdminUser);
        Assert.Equal(Appliance.Data.Users.Preferences.ThemePreference.Dark, preferences?.Theme);

        using var deploy = new HttpClient { BaseAddress = hosts.Target.Api.BaseAddress };
        deploy.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", hosts.DeployToken);
        using var pools = await deploy.GetAsync("/api/v1/pools");
        Assert.Equal(HttpStatusCode.OK, pools.StatusCode);

        // The target's own token was replaced by the backup's: it no longer opens anything.
        using var viewer = new HttpClient { BaseAddress = hosts.Target.Api.BaseAddress };
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", hosts.ViewerToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await viewer.GetAsync("/api/v1/pools")).StatusCode);
    }

    [Fact]
    public void The_answer_says_who_keeps_access()
    {
        // Restored with the bootstrap token, which lives in the settings and survives.
        Assert.False(hosts.RestoreAnswer.GetProperty("signInAgain").GetBoolean());
        var restored = hosts.RestoreAnswer.GetProperty("restored");
        Assert.Contains(BackupHosts.AdminUser, restored.GetProperty("users").EnumerateArray().Select(u => u.GetString()));
        Assert.Contains("site", restored.GetProperty("certificates").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Backup_and_restore_are_audited_without_the_passphrase_which_no_log_holds()
    {
        var sourceAudit = await hosts.Source.Api.GetStringAsync("/api/v1/audit?take=500");
        var targetAudit = await hosts.Target.Api.GetStringAsync("/api/v1/audit?take=500");
        Assert.Contains("\"backup\"", sourceAudit, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"Restore\"", targetAudit, StringComparison.Ordinal);
        Assert.Contains("token:bootstrap", targetAudit, StringComparison.Ordinal);

        var history = await hosts.Target.Api.GetStringAsync("/api/v1/config/revisions");
        Assert.Contains("restore of backup of", history, StringComparison.Ordinal);

        foreach (var text in new[] { sourceAudit, targetAudit, history })
        {
            Assert.DoesNotContain(BackupHosts.Passphrase, text, StringComparison.Ordinal);
        }

        // The request lines are logged (Debug), so the check below would see a passphrase in a URL.
        Assert.Contains(hosts.Source.Logs.Entries, e => e.Message.Contains("/api/v1/backup", StringComparison.Ordinal));
        Assert.DoesNotContain(hosts.Source.Logs.Entries, e => e.Message.Contains(BackupHosts.Passphrase, StringComparison.Ordinal)
            || e.Exception?.ToString().Contains(BackupHosts.Passphrase, StringComparison.Ordinal) == true);
    }

    private static async Task<HttpResponseMessage> SendTeamAsync(HttpClient proxy, string? password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = BackupHosts.TeamHost;
        if (password is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{BackupHosts.BasicUser}:{password}")));
        }

        return await proxy.SendAsync(request);
    }
}
